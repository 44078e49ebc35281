import { z } from 'zod';
import { campaignSchema } from '../campaigns/campaign-schema';
import { debtorColumns, requiredColumns } from '../use-cases/debtor-row';
import {
  campaignParams,
  campaignQuery,
  debtorActionBodies,
  paymentHeaders,
  debtorListQuery,
  debtorParams,
  debtorStatuses,
  humanTaskParams,
  humanTaskResolutionBody,
} from './api-schemas';
import { campaignDocumentTypes } from './routes/campaign.routes';
import { importTypes } from './routes/debtor.routes';
import { consentEntryBody, consentParams } from './routes/consent.routes';

// The OpenAPI 3.1 description of the HTTP API. Parameters and request bodies are generated from
// the zod schemas the routes parse with (api-schemas.ts); responses are described here.

type JsonSchema = Record<string, unknown>;

/** JSON Schema 2020-12 of what a client sends (defaults make fields optional), as OpenAPI 3.1 embeds it. */
function requestSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

function parameters(schema: z.ZodType, where: 'path' | 'query' | 'header'): JsonSchema[] {
  const json = requestSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    ...(property.description ? { description: property.description } : {}),
    schema: property,
  }));
}

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const jsonContent = (schema: JsonSchema) => ({ 'application/json': { schema } });
const ok = (description: string, schema: JsonSchema) => ({ description, content: jsonContent(schema) });
const failure = (description: string) => ({ description, content: jsonContent(ref('Error')) });
const text = { type: 'string' };
const formContent = (properties: Record<string, JsonSchema>, required: string[]) => ({
  'application/x-www-form-urlencoded': { schema: { type: 'object', properties, required } },
});

const common = {
  400: failure('A parameter or the body is malformed; `details` names each bad field'),
  413: failure('The body is larger than the endpoint accepts'),
};

const campaignDocumentBody = {
  required: true,
  description: 'A campaign document (see examples/campaigns/collections-demo.yaml): JSON, or YAML/JSON text',
  content: Object.fromEntries(Object.keys(campaignDocumentTypes).map((type) => [type, { schema: type === 'application/json' ? ref('CampaignDocument') : text }])),
};

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

const importRow: JsonSchema = {
  type: 'object',
  description: "One debtor. Columns match without regard to case; empty values take the campaign's defaults.",
  properties: Object.fromEntries(
    debtorColumns.map((column) => [column, column === 'flags' ? { oneOf: [text, { type: 'array', items: text }] } : { type: ['string', 'number', 'boolean'] }]),
  ),
  required: [...requiredColumns],
  additionalProperties: false,
};

const schemas: Record<string, JsonSchema> = {
  Error: {
    type: 'object',
    required: ['error', 'message'],
    properties: { error: text, message: text, details: { type: 'array', items: ref('FieldError') } },
  },
  FieldError: { type: 'object', required: ['path', 'message'], properties: { path: text, message: text } },
  CampaignDocument: requestSchema(campaignSchema),
  CampaignApplied: {
    type: 'object',
    required: ['campaignId', 'version', 'created'],
    properties: {
      campaignId: text,
      version: { type: 'integer' },
      created: { type: 'boolean', description: 'False: the document equals the latest version; nothing was written' },
      debtors: { ...ref('DebtorsTold'), description: 'A new version after the first: the running debtors told of it so far' },
      broadcast: ref('CampaignBroadcast'),
    },
  },
  DebtorsTold: {
    type: 'object',
    required: ['updated', 'skipped'],
    properties: {
      updated: { type: 'integer', description: 'Running debtor workflows that took the change' },
      skipped: { type: 'integer', description: 'Those that refused it (not paused, say) or had ended' },
    },
  },
  CampaignBroadcast: {
    type: 'object',
    required: ['workflowId', 'done'],
    description: 'The workflow telling every running debtor of the change, page by page',
    properties: { workflowId: text, done: { type: 'boolean', description: 'False: it was still going when the response was sent (a large campaign); it goes on' } },
  },
  StoredCampaign: {
    type: 'object',
    properties: {
      campaignId: text,
      version: { type: 'integer' },
      latestVersion: { type: 'integer' },
      name: text,
      paused: { type: 'boolean' },
      createdAt: { type: 'string', format: 'date-time' },
      document: ref('CampaignDocument'),
      broadcasts: {
        type: 'object',
        description: 'How far the latest pause/resume and version broadcasts got; absent while Temporal cannot be asked',
        properties: Object.fromEntries(['pause', 'version'].map((kind) => [kind, ref('BroadcastProgress')])),
      },
    },
  },
  BroadcastProgress: {
    type: 'object',
    required: ['workflowId', 'updated', 'skipped', 'done'],
    properties: {
      workflowId: text,
      updated: { type: 'integer' },
      skipped: { type: 'integer' },
      done: { type: 'boolean' },
      superseded: { type: 'boolean', description: 'Stopped because a newer pause or resume replaced it' },
    },
  },
  CampaignRunState: {
    type: 'object',
    properties: {
      campaignId: text,
      paused: { type: 'boolean' },
      debtors: ref('DebtorsTold'),
      broadcast: ref('CampaignBroadcast'),
    },
  },
  ImportRow: importRow,
  ImportReport: {
    type: 'object',
    required: ['rows', 'started', 'alreadyImported', 'rejected', 'errors', 'unlistedErrors'],
    properties: {
      rows: { type: 'integer' },
      started: { type: 'integer' },
      alreadyImported: { type: 'integer', description: 'Accounts imported before: nothing changed' },
      rejected: { type: 'integer' },
      errors: {
        type: 'array',
        maxItems: 1000,
        items: {
          type: 'object',
          properties: {
            row: { type: 'integer', description: 'CSV/NDJSON: the file line (a CSV header is line 1); JSON: the 1-based array element' },
            field: { type: 'string', description: "The column at fault, or '(row)'" },
            message: text,
          },
        },
      },
      unlistedErrors: { type: 'integer', description: 'Errors beyond the first 1000' },
    },
  },
  DebtorSummary: {
    type: 'object',
    properties: {
      accountRef: text,
      workflowId: text,
      fullName: text,
      status: { type: 'string', enum: debtorStatuses },
      balanceMinor: { type: 'integer' },
      currency: text,
      nextContactAt: { type: 'string', format: 'date-time' },
      nextContactReason: text,
      importedAt: { type: 'string', format: 'date-time' },
      updatedAt: { type: 'string', format: 'date-time' },
    },
  },
  DebtorPage: {
    type: 'object',
    properties: { debtors: { type: 'array', items: ref('DebtorSummary') }, next: { type: 'string', description: 'Pass as `after` for the next page' } },
  },
  DebtorProfile: {
    type: 'object',
    properties: {
      accountRef: text,
      fullName: text,
      firstName: text,
      phone: { type: 'string', description: 'E.164' },
      timeZone: text,
      language: text,
      currency: text,
      amountDueMinor: { type: 'integer' },
      dueDate: { type: 'string', format: 'date' },
      birthYear: { type: 'integer' },
      segmentData: { type: 'object' },
      artificialVoiceConsent: { type: 'boolean' },
    },
  },
  DebtorState: {
    type: 'object',
    description: "The debtor workflow's live state (workflows/debtor/debtor.messages.ts, DebtorView)",
    properties: {
      workflowId: text,
      campaignId: text,
      accountRef: text,
      currency: text,
      status: { type: 'string', enum: debtorStatuses },
      outcome: text,
      campaignVersion: { type: 'integer' },
      strategy: text,
      balanceMinor: { type: 'integer' },
      paidMinor: { type: 'integer' },
      paused: { type: 'boolean' },
      pausedBy: { type: 'array', items: { type: 'string', enum: ['operator', 'campaign'] }, description: 'Who paused the account; each resume lifts only its own pause' },
      attempts: { type: 'array', items: { type: 'object' } },
      promise: { type: 'object' },
      plan: { type: 'object' },
      humanTask: { type: 'object' },
      nextContact: { type: 'object', properties: { at: { type: 'integer', description: 'Epoch ms' }, reason: text, stepId: text, channel: text } },
    },
    additionalProperties: true,
  },
  DebtorDetail: { type: 'object', properties: { profile: ref('DebtorProfile'), state: ref('DebtorState') } },
  PaymentAccepted: {
    type: 'object',
    properties: { paymentId: text, duplicate: { type: 'boolean', description: 'True: this payment id was recorded before; nothing new was recorded' } },
  },
  PaymentEvent: {
    type: 'object',
    required: ['paymentId', 'workflowId', 'amountMinor', 'currency', 'at'],
    properties: { paymentId: text, workflowId: text, amountMinor: { type: 'integer', minimum: 1 }, currency: text, at: { type: 'integer', description: 'Epoch ms' } },
  },
};

const twilioSignature = { name: 'X-Twilio-Signature', in: 'header', required: true, schema: text, description: "Twilio's HMAC-SHA1 of PUBLIC_BASE_URL + path and the form fields" };
const twiml = { description: 'TwiML', content: { 'text/xml': { schema: text } } };
const html = (description: string) => ({ description, content: { 'text/html': { schema: text } } });

/** Twilio's voice webhooks: each names the call workflow (`call`) and answers TwiML (status: 204). */
function voiceWebhookPaths(): Record<string, JsonSchema> {
  const call = { name: 'call', in: 'query', required: true, schema: text, description: 'The call workflow the webhook advances' };
  const callForm = (extra: Record<string, JsonSchema>, required: string[] = []) => ({
    required: true,
    content: formContent({ CallSid: text, AnsweredBy: text, ...extra }, ['CallSid', ...required]),
  });
  const refused = failure('Missing or invalid X-Twilio-Signature');
  const hook = (summary: string, parameters: JsonSchema[], extra: Record<string, JsonSchema> = {}, required: string[] = []) => ({
    post: { summary, tags: ['webhooks'], parameters: [twilioSignature, ...parameters], requestBody: callForm(extra, required), responses: { 200: twiml, 403: refused } },
  });
  const turnParams = [call, { name: 'turn', in: 'query', required: true, schema: { type: 'integer' } }, { name: 'lang', in: 'query', required: false, schema: text }];
  return {
    '/webhooks/twilio/voice/answer': hook('Twilio: the call was answered (by a person or a machine)', [call]),
    '/webhooks/twilio/voice/gather': hook("Twilio: what the caller said or pressed in a turn's <Gather>", turnParams, { SpeechResult: text, Confidence: text, Digits: text }),
    '/webhooks/twilio/voice/record': hook(
      "Twilio (SPEECH_ENGINE=local|openai): a turn's <Record>ed answer, or nothing recorded",
      turnParams,
      { RecordingUrl: { type: 'string', format: 'uri' }, Digits: text },
    ),
    '/webhooks/twilio/voice/pending': hook(
      'Twilio (after a holding prompt): picks up a turn that was not ready in time',
      [call, { name: 'update', in: 'query', required: true, schema: text }, { name: 'lang', in: 'query', required: false, schema: text }],
    ),
    '/webhooks/twilio/voice/transfer': hook('Twilio: a <Dial> or <Enqueue> to an agent ended', [call], { DialCallStatus: text, QueueResult: text }),
    '/webhooks/twilio/voice/queue-wait': hook(
      "Twilio (<Enqueue waitUrl>): what the queued caller hears, requested again each time it ends; <Leave/> after a while",
      [call, { name: 'lang', in: 'query', required: false, schema: text }],
      { QueueTime: { type: 'integer', minimum: 0, description: 'Seconds in the queue so far' }, QueueSid: text, CurrentQueueSize: text, AvgQueueTime: text },
      ['QueueTime'],
    ),
    '/webhooks/twilio/voice/whisper': hook('Twilio: what the agent hears before being connected', [call]),
    '/webhooks/twilio/voice/status': {
      post: {
        summary: "Twilio: the call's progress and final status (completes the placeCall activity)",
        tags: ['webhooks'],
        parameters: [twilioSignature, call],
        requestBody: callForm({ CallStatus: text, CallDuration: text }, ['CallStatus']),
        responses: { 204: { description: 'Received' }, 403: refused },
      },
    },
  };
}

const paths: Record<string, JsonSchema> = {
  '/campaigns/validate': {
    post: {
      summary: 'Check a campaign document without saving it',
      tags: ['campaigns'],
      requestBody: campaignDocumentBody,
      responses: {
        200: ok('The document is valid', { type: 'object', properties: { valid: { const: true } } }),
        400: failure('The text is not YAML/JSON; the message gives the line and column'),
        413: common[413],
        422: ok('Every invalid field, with its path and why', {
          type: 'object',
          properties: { valid: { const: false }, errors: { type: 'array', items: ref('FieldError') } },
        }),
      },
    },
  },
  '/campaigns': {
    put: {
      summary: "Save a campaign document as the campaign's next version and tell its running debtors",
      tags: ['campaigns'],
      requestBody: campaignDocumentBody,
      responses: {
        201: ok('A new version was saved', ref('CampaignApplied')),
        200: ok('The document equals the latest version; nothing was saved', ref('CampaignApplied')),
        400: failure('The text is not YAML/JSON; the message gives the line and column'),
        409: failure('Concurrent applies kept taking the next version number; apply again'),
        413: common[413],
        422: failure('The document is invalid; `details` lists every invalid field; nothing was saved'),
      },
    },
  },
  '/campaigns/{campaignId}': {
    get: {
      summary: 'A campaign version (the latest unless ?version=N)',
      tags: ['campaigns'],
      parameters: [...parameters(campaignParams, 'path'), ...parameters(campaignQuery, 'query')],
      responses: { 200: ok('The version and the campaign state', ref('StoredCampaign')), 400: common[400], 404: failure('No such campaign or version') },
    },
  },
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
      requestBody: {
        required: true,
        content: Object.fromEntries(
          Object.entries(importTypes).map(([type, format]) => [
            type,
            {
              schema: format === 'json' ? { type: 'array', items: ref('ImportRow') } : text,
              description:
                format === 'csv'
                  ? `A header line naming the columns (${debtorColumns.join(', ')}; required: ${requiredColumns.join(', ')}), then one debtor per line`
                  : format === 'ndjson'
                    ? 'One ImportRow object per line'
                    : undefined,
            },
          ]),
        ),
      },
      responses: {
        200: ok('What happened to every row', ref('ImportReport')),
        400: failure('The CSV header lacks a required column or names an unknown one, or the file cannot be read past a point; nothing after it was read'),
        404: failure('No such campaign; nothing was written'),
        409: failure('The campaign is paused'),
        413: common[413],
        415: failure('Not text/csv, application/json or application/x-ndjson'),
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
  '/contacts/{phone}/consent': {
    get: {
      summary: "A phone number's consent and opt-out ledger, and what it allows",
      tags: ['consent'],
      parameters: parameters(consentParams, 'path'),
      responses: { 200: ok('The permissions folded from the events, and the events', { type: 'object' }), ...common },
    },
    post: {
      summary: 'An operator entry in the ledger (a revocation by letter, consent given on a recorded line)',
      tags: ['consent'],
      parameters: parameters(consentParams, 'path'),
      requestBody: { required: true, content: jsonContent(requestSchema(consentEntryBody)) },
      responses: { 201: ok('Recorded', { type: 'object' }), 200: ok('Already recorded under this entryId', { type: 'object' }), ...common },
    },
  },
  '/webhooks/twilio/sms': {
    post: {
      summary: 'Twilio: an inbound text (STOP, HELP, PAY or free text)',
      tags: ['webhooks'],
      parameters: [twilioSignature],
      requestBody: { required: true, content: formContent({ MessageSid: text, From: text, To: text, Body: text, AccountSid: text }, ['MessageSid', 'From']) },
      responses: { 200: twiml, 403: failure('Missing or invalid X-Twilio-Signature') },
    },
  },
  '/webhooks/twilio/sms-status': {
    post: {
      summary: "Twilio: a text's delivery status",
      tags: ['webhooks'],
      parameters: [
        twilioSignature,
        { name: 'workflowId', in: 'query', required: true, schema: text },
        { name: 'attemptKey', in: 'query', required: true, schema: text },
      ],
      requestBody: {
        required: true,
        content: formContent(
          { MessageSid: text, MessageStatus: { type: 'string', enum: ['queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed'] }, ErrorCode: text },
          ['MessageSid', 'MessageStatus'],
        ),
      },
      responses: { 200: twiml, 403: failure('Missing or invalid X-Twilio-Signature') },
    },
  },
  ...voiceWebhookPaths(),
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
      responses: { 200: html('The page, with the amount due'), 404: failure('The link is not valid'), 410: failure('The link has expired') },
    },
    post: {
      summary: 'Pay on the payment page',
      tags: ['payments'],
      requestBody: { required: true, content: formContent({ action: { const: 'pay' }, amount: { type: 'string', description: 'Decimal; absent: the whole balance' } }, ['action']) },
      responses: { 200: html('Payment taken; it counts when the provider confirms it'), 400: failure('A bad amount'), 404: failure('The link is not valid'), 410: failure('The link has expired') },
    },
  },
  '/webhooks/payments/demo': {
    post: {
      summary: "The demo payment provider's webhook: a payment was taken",
      tags: ['webhooks', 'payments'],
      parameters: [{ name: 'X-Parley-Signature', in: 'header', required: true, schema: { type: 'string', pattern: '^sha256=[0-9a-f]{64}$' }, description: 'sha256=<hex HMAC-SHA256 of the raw body>' }],
      requestBody: { required: true, content: jsonContent(ref('PaymentEvent')) },
      responses: { 200: ok('Recorded (once per paymentId)', { type: 'object', properties: { received: { const: true } } }), 403: failure('Missing or wrong signature') },
    },
  },
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
      description: 'Collections outreach: campaigns, debtors (one durable workflow each), and the webhooks Twilio and payment providers call.',
    },
    servers: [{ url: serverUrl }],
    paths,
    components: { schemas },
  };
}
