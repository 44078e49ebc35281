import type { z } from 'zod';
import { debtorColumns, requiredColumns } from '../use-cases/debtor-row';
import {
  campaignParams,
  campaignQuery,
  debtorActionBodies,
  paymentHeaders,
  debtorListQuery,
  debtorParams,
  humanTaskParams,
  humanTaskResolutionBody,
} from './api-schemas';
import { componentSchemas } from './openapi-components';
import {
  common,
  documentPaths,
  failure,
  formContent,
  html,
  importFailures,
  importRequestBody,
  jsonContent,
  ok,
  parameters,
  ref,
  requestSchema,
  text,
  type JsonSchema,
} from './openapi-json-schema';
import { surveyComponentSchemas, surveyPaths } from './openapi-surveys';
import { webhookPaths } from './openapi-webhooks';
import { surveyResultsPaths } from './openapi-survey-results';
import { respondentPaths } from './openapi-respondents';
import { erasurePaths } from './openapi-erasure';
import { consentEntryBody, consentParams } from './routes/consent.routes';
import { securitySchemes, withAccess } from './openapi-access';
import { codecPaths } from './openapi-codec';
import { consolePaths } from './openapi-console';
import { livePaths } from './openapi-live';
import { metricsPaths } from './openapi-metrics';
import { timelineComponentSchemas, timelinePaths } from './openapi-timeline';
import { withOutreachLists } from './openapi-outreach-lists';
import { queuePaths } from './openapi-queue';
import { dashboardPaths } from './openapi-dashboards';
import { experimentPaths } from './openapi-experiments';
import { withPersonPaths } from './openapi-person';

// The OpenAPI 3.1 description of the HTTP API. Parameters and request bodies are generated from
// the zod schemas the routes parse with (api-schemas.ts, the voice webhook contract); responses
// are described here and in openapi-components.ts.

const debtorPath = '/campaigns/{campaignId}/debtors/{accountRef}';
const debtorAction = (
  summary: string,
  body: z.ZodType,
  success: Record<number, JsonSchema> = { 200: ok("The workflow's state after the action", ref('DebtorState')) },
  headers?: z.ZodType,
) => ({
  post: {
    summary,
    tags: ['debtors'],
    parameters: [...parameters(debtorParams, 'path'), ...(headers ? parameters(headers, 'header') : [])],
    requestBody: { required: !body.safeParse(undefined).success, content: jsonContent(requestSchema(body)) },
    responses: {
      ...success,
      ...common,
      404: failure('No such debtor in this campaign, or its workflow is gone'),
      422: failure("The workflow refused; the message gives its reason, naming the field (e.g. 'dueDate: is more than 14 days out')"),
    },
  },
});

const paths: Record<string, JsonSchema> = {
  ...documentPaths({
    what: 'campaign',
    params: campaignParams,
    query: campaignQuery,
    example: 'examples/campaigns/collections-demo.yaml',
    applySummary: "Save a campaign document as the campaign's next version and tell its running debtors",
    notFound: "the id is a survey's",
  }),
  ...Object.fromEntries(
    (['pause', 'resume'] as const).map((verb) => [
      `/campaigns/{campaignId}/${verb}`,
      {
        post: {
          summary:
            verb === 'pause'
              ? 'Pause the campaign: every running debtor is paused, and imports are refused (409) until it resumes'
              : 'Resume the campaign and every paused running debtor',
          tags: ['campaigns'],
          parameters: parameters(campaignParams, 'path'),
          responses: { 200: ok('The campaign state and how many debtors took the change', ref('CampaignRunState')), 400: common[400], 404: failure('No such campaign') },
        },
      },
    ]),
  ),
  '/campaigns/{campaignId}/debtors/import': {
    post: {
      summary: "Import debtors and start each one's workflow; streamed, so files of any length are fine",
      tags: ['debtors'],
      parameters: parameters(campaignParams, 'path'),
      requestBody: importRequestBody('ImportRow', { all: debtorColumns, required: requiredColumns, each: 'debtor' }),
      responses: {
        200: ok('What happened to every row', ref('ImportReport')),
        404: failure('No such campaign; nothing was written'),
        ...importFailures('campaign'),
      },
    },
  },
  '/campaigns/{campaignId}/debtors': {
    get: {
      summary: "A page of the campaign's debtors in account order",
      tags: ['debtors'],
      parameters: [...parameters(campaignParams, 'path'), ...parameters(debtorListQuery, 'query')],
      responses: { 200: ok('The page', ref('DebtorPage')), 400: common[400], 404: failure('No such campaign') },
    },
  },
  [debtorPath]: {
    get: {
      summary: "A debtor's stored profile and the workflow's live state",
      tags: ['debtors'],
      parameters: parameters(debtorParams, 'path'),
      responses: { 200: ok('Profile and state', ref('DebtorDetail')), 400: common[400], 404: failure('No such debtor, or its workflow is gone') },
    },
  },
  [`${debtorPath}/payments`]: debtorAction('Record a payment an operator took', debtorActionBodies.payments, {
    202: ok('Recorded (or recorded before: `duplicate`) and passed to the workflow', ref('PaymentAccepted')),
  }, paymentHeaders),
  [`${debtorPath}/promises`]: debtorAction('Record a promise to pay', debtorActionBodies.promises),
  [`${debtorPath}/plans`]: debtorAction('Agree an instalment plan', debtorActionBodies.plans),
  [`${debtorPath}/dispute`]: debtorAction('The debtor disputes the debt: contact stops and a person verifies', debtorActionBodies.dispute),
  [`${debtorPath}/cease`]: debtorAction('The debtor asked us to stop communicating', debtorActionBodies.cease),
  [`${debtorPath}/pause`]: debtorAction('Pause contact with this debtor', debtorActionBodies.pause),
  [`${debtorPath}/resume`]: debtorAction('Resume contact with this debtor', debtorActionBodies.resume),
  [`${debtorPath}/close`]: debtorAction('Close the account', debtorActionBodies.close),
  [`${debtorPath}/human-tasks/{taskId}/resolution`]: {
    post: {
      ...debtorAction('Resolve a task the workflow handed to a person', humanTaskResolutionBody).post,
      parameters: parameters(humanTaskParams, 'path'),
    },
  },
  ...surveyPaths,
  '/contacts/{phone}/consent': {
    get: {
      summary: "A phone number's consent and opt-out ledger, and what it allows",
      tags: ['consent'],
      parameters: parameters(consentParams, 'path'),
      responses: { 200: ok('The permissions folded from the events, and the events', { type: 'object' }), ...common },
    },
    post: {
      summary: "An operator entry in the ledger (a revocation by letter, consent given on a recorded line); consent the number withdrew comes back only with evidenceRef",
      tags: ['consent'],
      parameters: parameters(consentParams, 'path'),
      requestBody: { required: true, content: jsonContent(requestSchema(consentEntryBody)) },
      responses: {
        201: ok('Recorded', { type: 'object' }),
        200: ok('Already recorded under this entryId', { type: 'object' }),
        409: failure("An opt-in or artificial-voice consent that the number withdrew, without evidenceRef: only the consumer's own consent lifts it"),
        ...common,
      },
    },
  },
  ...surveyResultsPaths,
  ...respondentPaths,
  ...erasurePaths,
  ...timelinePaths,
  ...webhookPaths,
  '/audio/{clipId}': {
    get: {
      summary: 'A synthesized speech clip, for TwiML <Play> (SPEECH_ENGINE local or openai)',
      tags: ['webhooks'],
      parameters: [{ name: 'clipId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
      responses: { 200: { description: 'WAV audio', content: { 'audio/wav': { schema: { type: 'string', format: 'binary' } } } }, 400: failure('Not a clip id'), 404: failure('No such clip') },
    },
  },
  '/pay/{token}': {
    parameters: [{ name: 'token', in: 'path', required: true, schema: text, description: 'The signed token of a texted payment link' }],
    get: {
      summary: 'The payment page a texted link opens',
      tags: ['payments'],
      responses: { 200: html('The page, with the amount due and a form keyed for one payment'), 404: html('The link is not valid'), 410: html('The link no longer works: expired, superseded by a newer link, or the account paid or closed') },
    },
    post: {
      summary: 'Pay on the payment page',
      tags: ['payments'],
      requestBody: { required: true, content: formContent({
          type: 'object',
          properties: {
            action: { const: 'pay' },
            amount: { type: 'string', description: 'Decimal; absent: the whole balance' },
            idempotencyKey: { type: 'string', pattern: '^[\\w-]{16,64}$', description: 'The key the page was rendered with: a repeat shows the first payment' },
          },
          required: ['action', 'idempotencyKey'],
        }),
      },
      responses: {
        200: html('Payment taken (or taken before under this key); it counts when the provider confirms it'),
        400: failure('A bad amount or no idempotencyKey'),
        404: html('The link is not valid'),
        409: failure('The idempotencyKey was used on another payment page'),
        410: html('The link no longer works'),
      },
    },
  },
  ...codecPaths,
  ...consolePaths,
  ...queuePaths,
  ...dashboardPaths,
  ...experimentPaths,
  ...livePaths,
  ...metricsPaths,
  '/healthz': { get: { summary: 'The process answers', tags: ['operations'], responses: { 200: ok('Alive', { type: 'object' }) } } },
  '/readyz': {
    get: {
      summary: 'Temporal and MongoDB both answer',
      tags: ['operations'],
      responses: { 200: ok('Ready', { type: 'object' }), 503: ok('A dependency does not answer; the body names it', { type: 'object' }) },
    },
  },
  '/openapi.json': { get: { summary: 'This document', tags: ['operations'], responses: { 200: ok('OpenAPI 3.1', { type: 'object' }) } } },
};

/** The OpenAPI 3.1 document of the API served at `serverUrl`. */
export function openApiDocument(serverUrl: string): JsonSchema {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Parley',
      version: '1',
      description:
        'Collections and survey outreach: campaigns, debtors, surveys and respondents (one durable workflow each), and the webhooks Twilio and payment providers call. ' +
        'Every operation but the webhooks, the payment page, /healthz, /readyz and the audio clips needs "Authorization: Bearer <API key or token>"; ' +
        '`x-parley-role` names the lowest role that may call it (auditor < agent < operator < admin; any role reads, and an auditor sees phone numbers and birth years masked).',
    },
    servers: [{ url: serverUrl }],
    security: [{ apiKey: [] }, { oidc: [] }],
    paths: withAccess(withPersonPaths(withOutreachLists(paths))),
    components: { schemas: { ...componentSchemas, ...surveyComponentSchemas, ...timelineComponentSchemas }, securitySchemes },
  };
}
