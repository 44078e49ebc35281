import { campaignSchema } from '../campaigns/campaign-schema';
import { debtorColumns, requiredColumns } from '../use-cases/debtor-row';
import { debtorStatuses } from './api-schemas';
import { appliedDocument, ref, requestSchema, storedDocument, text, type JsonSchema } from './openapi-json-schema';

// The OpenAPI document's named schemas: the campaign document generated from its zod schema, the
// responses described here.

const importRow: JsonSchema = {
  type: 'object',
  description: "One debtor. Columns match without regard to case; empty values take the campaign's defaults.",
  properties: Object.fromEntries(
    debtorColumns.map((column) => [column, column === 'flags' ? { oneOf: [text, { type: 'array', items: text }] } : { type: ['string', 'number', 'boolean'] }]),
  ),
  required: [...requiredColumns],
  additionalProperties: false,
};

/** How many running workflows of a campaign-wide change's people (debtors, respondents) took it. */
export function peopleTold(person: 'debtor' | 'respondent'): JsonSchema {
  return {
    type: 'object',
    required: ['updated', 'skipped'],
    properties: {
      updated: { type: 'integer', description: `Running ${person} workflows that took the change` },
      skipped: { type: 'integer', description: 'Those that refused it (not paused, say) or had ended' },
    },
  };
}

export const componentSchemas: Record<string, JsonSchema> = {
  Error: {
    type: 'object',
    required: ['error', 'message'],
    properties: { error: text, message: text, details: { type: 'array', items: ref('FieldError') } },
  },
  FieldError: { type: 'object', required: ['path', 'message'], properties: { path: text, message: text } },
  CampaignDocument: requestSchema(campaignSchema),
  CampaignApplied: appliedDocument('campaignId', {
    debtors: { ...ref('DebtorsTold'), description: 'A new version after the first: the running debtors told of it so far' },
    broadcast: ref('CampaignBroadcast'),
  }),
  DebtorsTold: peopleTold('debtor'),
  CampaignBroadcast: {
    type: 'object',
    required: ['workflowId', 'done'],
    description: 'The workflow telling every running debtor of the change, page by page',
    properties: { workflowId: text, done: { type: 'boolean', description: 'False: it was still going when the response was sent (a large campaign); it goes on' } },
  },
  StoredCampaign: storedDocument('campaignId', 'CampaignDocument', {
    broadcasts: {
      type: 'object',
      description: 'How far the latest pause/resume and version broadcasts got; absent while Temporal cannot be asked',
      properties: Object.fromEntries(['pause', 'version'].map((kind) => [kind, ref('BroadcastProgress')])),
    },
  }),
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
    required: ['rows', 'started', 'alreadyImported', 'rejected', 'failed', 'errors', 'unlistedErrors'],
    properties: {
      rows: { type: 'integer' },
      started: { type: 'integer' },
      alreadyImported: { type: 'integer', description: 'Accounts imported before: nothing changed' },
      rejected: { type: 'integer' },
      failed: {
        type: 'integer',
        description: 'Good rows not stored or started after retries (the database or Temporal failing); each is listed with field (row). Importing the file again finishes them',
      },
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
      zip: { type: 'string', description: 'Digits only' },
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
