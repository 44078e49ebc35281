import { debtorParams, debtorPaymentsQuery } from './api-schemas';
import { common, failure, ok, parameters, type JsonSchema } from './openapi-json-schema';

// The routes the console's debtor page reads beside the debtor itself, in the OpenAPI document.
// A path here may share its path item with other methods (the payments an operator records are
// POSTed to the same path), so these are merged into the document's paths, not put over them.

const payment: JsonSchema = {
  type: 'object',
  required: ['paymentId', 'amountMinor', 'currency', 'provider', 'receivedAt'],
  properties: {
    paymentId: { type: 'string', description: "The provider's id, or manual-… for one an operator or agent recorded" },
    amountMinor: { type: 'integer', description: 'Whole minor units (cents) of `currency`' },
    currency: { type: 'string', description: 'ISO 4217' },
    provider: { type: 'string', description: '`manual` for one an operator or agent recorded' },
    recordedBy: { type: 'string', description: 'Who recorded a manual payment' },
    receivedAt: { type: 'string', format: 'date-time', description: 'When the provider took it, UTC' },
  },
};

const personPaths: Record<string, JsonSchema> = {
  '/campaigns/{campaignId}/debtors/{accountRef}/payments': {
    get: {
      summary: "The payments recorded against a debtor's account, newest first",
      tags: ['debtors'],
      parameters: [...parameters(debtorParams, 'path'), ...parameters(debtorPaymentsQuery, 'query')],
      responses: {
        200: ok('The payments', { type: 'object', required: ['payments'], properties: { payments: { type: 'array', items: payment } } }),
        400: common[400],
        404: failure('No such debtor in this campaign'),
      },
    },
  },
};

/** The document's paths with these routes' methods added to their path items. */
export function withPersonPaths(paths: Record<string, JsonSchema>): Record<string, JsonSchema> {
  const merged = { ...paths };
  for (const [path, item] of Object.entries(personPaths)) merged[path] = { ...merged[path], ...item };
  return merged;
}
