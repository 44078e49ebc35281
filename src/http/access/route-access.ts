import type { Access } from '../../auth/roles';
import { voiceWebhooks, type VoiceWebhook } from '../../voice/voice-webhook-contract';
import { voiceWebhookPath } from '../../voice/voice-webhook-urls';

// Every route's access, in one table. A route registered without an entry here stops the app from
// being built (see auth-guard.ts), so nothing reaches production open by omission.

/** The operator console's bundle (src/http/routes/console.routes.ts). */
export const consoleAssetsPrefix = '/console/assets/';

const debtor = '/campaigns/:campaignId/debtors/:accountRef';
const respondent = '/surveys/:surveyId/respondents/:respondentRef';

export const routeAccess: Readonly<Record<string, Access>> = {
  // Callers that cannot hold a key: Twilio (signed requests), the payment provider (signed
  // webhooks), a payer with a texted link, a load balancer's probe, and Twilio fetching audio.
  'GET /healthz': 'public',
  'GET /pay/:token': 'public',
  'POST /pay/:token': 'public',
  'POST /webhooks/payments/demo': 'public',
  'POST /webhooks/twilio/sms': 'public',
  'POST /webhooks/twilio/sms-status': 'public',
  ...Object.fromEntries(Object.keys(voiceWebhooks).map((hook) => [`POST ${voiceWebhookPath(hook as VoiceWebhook)}`, 'public' as const])),
  'GET /audio/:clipId': 'public',
  // Answers anyone with a status code; only a caller with a key sees which dependency failed.
  'GET /readyz': 'public',

  // The CORS preflight of the codec endpoint, which a browser sends without credentials.
  'OPTIONS *': 'public',
  // The codec's sign-in page, and the form that checks the key it is given.
  'GET /codec/sign-in': 'public',
  'POST /codec/sign-in': 'public',
  'POST /codec/sign-out': 'public',
  // The operator console's page and bundle (no data in either), and its sign-in and sign-out.
  'GET /console': 'public',
  'GET /console/*': 'public',
  [`GET ${consoleAssetsPrefix}*`]: 'public',
  'POST /console/session': 'public',
  'POST /console/session/sign-out': 'public',

  'GET /openapi.json': 'read',
  // Counts and durations for the on-call engineer's Prometheus (no person's data).
  'GET /metrics': 'read',
  'GET /console/session': 'read',
  // The Live page's server-sent events; an auditor's numbers are masked.
  'GET /console/live/events': 'read',
  // Decoded payloads show every person's profile in clear: for auditors and admins only.
  'POST /codec/decode': 'audit',
  'GET /campaigns/:campaignId': 'read',
  'GET /campaigns/:campaignId/debtors': 'read',
  [`GET ${debtor}`]: 'read',
  [`GET ${debtor}/payments`]: 'read',
  'GET /contacts/:phone/consent': 'read',
  'GET /surveys/:surveyId': 'read',
  'GET /surveys/:surveyId/results': 'read',
  'GET /surveys/:surveyId/responses': 'read',
  'GET /surveys/:surveyId/export': 'read',
  [`GET ${respondent}`]: 'read',
  // One person's account of everything done to them and why; an auditor's numbers are masked.
  [`GET ${debtor}/timeline`]: 'read',
  [`GET ${respondent}/timeline`]: 'read',
  'GET /dashboards/collections': 'read',
  'GET /dashboards/surveys': 'read',

  [`POST ${debtor}/payments`]: 'agent',
  [`POST ${debtor}/promises`]: 'agent',
  [`POST ${debtor}/plans`]: 'agent',
  [`POST ${debtor}/human-tasks/:taskId/resolution`]: 'agent',
  [`POST ${respondent}/follow-ups/:taskId/resolution`]: 'agent',
  // The agents' queue: tasks carry transcripts and summaries, for those who work them.
  'GET /human-tasks': 'agent',
  'POST /human-tasks/:taskId/claim': 'agent',
  'POST /human-tasks/:taskId/release': 'agent',

  [`POST ${debtor}/dispute`]: 'operator',
  [`POST ${debtor}/cease`]: 'operator',
  [`POST ${debtor}/pause`]: 'operator',
  [`POST ${debtor}/resume`]: 'operator',
  [`POST ${debtor}/close`]: 'operator',
  'POST /campaigns/:campaignId/pause': 'operator',
  'POST /campaigns/:campaignId/resume': 'operator',
  'POST /surveys/:surveyId/pause': 'operator',
  'POST /surveys/:surveyId/resume': 'operator',
  [`POST ${respondent}/pause`]: 'operator',
  [`POST ${respondent}/resume`]: 'operator',

  'POST /campaigns/validate': 'admin',
  'PUT /campaigns': 'admin',
  'POST /surveys/validate': 'admin',
  'PUT /surveys': 'admin',
  'POST /campaigns/:campaignId/debtors/import': 'admin',
  'POST /surveys/:surveyId/respondents': 'admin',
  'POST /contacts/:phone/consent': 'admin',
  'POST /codec/encode': 'admin',
  [`POST ${debtor}/erasure`]: 'admin',
  [`POST ${respondent}/erasure`]: 'admin',

  // The lists of campaigns and surveys, their version histories and diffs, their broadcasts' progress.
  'GET /campaigns': 'read',
  'GET /campaigns/:campaignId/versions': 'read',
  'GET /campaigns/:campaignId/versions/diff': 'read',
  'GET /campaigns/:campaignId/broadcasts': 'read',
  // Script experiments: the results per arm (counts and rates, no person), and stopping an arm (a new version).
  'GET /campaigns/:campaignId/experiments': 'read',
  'POST /campaigns/:campaignId/experiments/:experimentId/arms/:armId/stop': 'admin',
  'GET /surveys/:surveyId/experiments': 'read',
  'POST /surveys/:surveyId/experiments/:experimentId/arms/:armId/stop': 'admin',
  'GET /surveys': 'read',
  'GET /surveys/:surveyId/versions': 'read',
  'GET /surveys/:surveyId/versions/diff': 'read',
  'GET /surveys/:surveyId/broadcasts': 'read',
};

/**
 * `parley dev` serves its Temporal Web UI under the API, on one origin with /codec, so the UI's
 * calls to the codec carry the sign-in cookie. The UI asks nothing; its payloads stay ciphertext
 * until a person signs in. Only mounted when the API is on a loopback address (dev-temporal-ui.ts).
 */
export const devTemporalUiPrefix = '/temporal-ui';

/** The access a route declared; HEAD answers as its GET does. */
export function accessOf(method: string, url: string): Access | undefined {
  if (url === devTemporalUiPrefix || url.startsWith(`${devTemporalUiPrefix}/`)) return 'public';
  return routeAccess[`${method === 'HEAD' ? 'GET' : method} ${url}`];
}
