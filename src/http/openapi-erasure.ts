import type { z } from 'zod';
import { debtorParams } from './api-schemas';
import { common, failure, jsonContent, ok, parameters, requestSchema, text, type JsonSchema } from './openapi-json-schema';
import { erasureBody } from './routes/erasure.routes';
import { respondentParams } from './routes/respondent.routes';

// A person's erasure request in the OpenAPI document (src/use-cases/erasure.ts).

const erasureRecord: JsonSchema = {
  type: 'object',
  description: 'The erasure as recorded (collection erasures): whose, who asked, what was erased and what was kept, and why',
  properties: {
    erasureId: text,
    subject: { type: 'object', properties: { kind: { enum: ['debtor', 'respondent'] }, workflowId: text, groupId: text, ref: text } },
    requestedBy: text,
    reason: text,
    at: { type: 'string', format: 'date-time' },
    erased: { type: 'array', items: { type: 'object', properties: { what: text, records: { type: 'integer' } } } },
    kept: { type: 'array', items: { type: 'object', properties: { what: text, why: text, until: text } } },
  },
};

const erasure = (params: z.ZodType, who: string, howToEnd: string) => ({
  post: {
    summary: `Erase what Parley stores about ${who}, keeping what the law requires (the fact of each contact, opt-outs${who === 'a debtor' ? ', and for three years after the account closed the compliance records of Regulation F' : ''}); Temporal histories are not edited`,
    tags: ['erasure'],
    parameters: parameters(params, 'path'),
    requestBody: { required: true, content: jsonContent(requestSchema(erasureBody)) },
    responses: {
      200: ok('Erased; the record says what was kept and why', erasureRecord),
      ...common,
      404: failure(`No such ${who.slice(2)}`),
      409: failure(`The person's workflow is still running and would go on contacting them: ${howToEnd}`),
    },
  },
});

export const erasurePaths: Record<string, JsonSchema> = {
  '/campaigns/{campaignId}/debtors/{accountRef}/erasure': erasure(debtorParams, 'a debtor', 'close the account first (…/close, or …/cease)'),
  '/surveys/{surveyId}/respondents/{respondentRef}/erasure': erasure(respondentParams, 'a respondent', 'ask again once their survey has ended'),
};
