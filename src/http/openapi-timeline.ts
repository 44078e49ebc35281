import type { z } from 'zod';
import { debtorParams } from './api-schemas';
import { common, failure, jsonContent, parameters, ref, text, type JsonSchema } from './openapi-json-schema';
import { respondentParams } from './routes/respondent.routes';
import { timelineQuery } from './routes/timeline.routes';

// The timeline routes in the OpenAPI document: one person's ordered account of everything done to
// them and why (src/audit/timeline/timeline-entry.ts), as JSON, text or a printable page.

const instant = { type: 'string', format: 'date-time' };

const entry: JsonSchema = {
  type: 'object',
  required: ['id', 'at', 'localTime', 'kind', 'title', 'details'],
  properties: {
    id: { ...text, description: 'Stable across pages: audit:<eventKey>, text:<attemptKey>, answer:<answerKey>' },
    at: { ...instant, description: 'When it happened, UTC' },
    localTime: { ...instant, description: "The same moment in the person's time zone, with its offset" },
    kind: { ...text, description: "The audit entry's type (contact-attempt, contact-deferred, contact-held, paused, payment-received, ...), text-sent, or answer" },
    title: text,
    channel: { enum: ['sms', 'voice'] },
    from: { ...text, description: 'E.164 (masked for auditors)' },
    to: { ...text, description: 'E.164 (masked for auditors)' },
    outcome: text,
    why: { ...text, description: "Why it happened then, or why not yet: the cadence step and its delay, a retry's backoff, a follow-up; the contact window, a blackout, the Regulation F counts, a pause and who made it" },
    actor: { ...text, description: "Who did it: an API key's name or a token's subject" },
    campaignVersion: { type: 'integer', description: 'The campaign (or survey) version in force' },
    body: { ...text, description: "A text's words (redacted), or an answer's utterance" },
    call: {
      type: 'object',
      properties: {
        callSid: text,
        status: text,
        answeredBy: text,
        escalationSummary: text,
        turns: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              seq: { type: 'integer' },
              heard: text,
              keyed: { type: 'boolean' },
              intent: text,
              confidence: { type: 'number' },
              sentiment: { type: 'number' },
              decision: text,
              said: text,
              violations: { type: 'array', items: text },
            },
          },
        },
      },
    },
    details: { type: 'object', description: "The audit entry's own data, or the stored record's fields" },
  },
};

export const timelineComponentSchemas: Record<string, JsonSchema> = {
  TimelineEntry: entry,
  Timeline: {
    type: 'object',
    required: ['person', 'campaignVersions', 'entries', 'notes'],
    properties: {
      person: { type: 'object', description: 'Who: kind (debtor or respondent), workflowId, campaignId, ref, phone (masked for auditors), timeZone' },
      campaignVersions: {
        type: 'array',
        items: { type: 'object', properties: { version: { type: 'integer' }, name: text, appliedAt: instant, appliedBy: text } },
      },
      entries: { type: 'array', items: ref('TimelineEntry'), description: 'In the order they happened, or newest first with order=newest' },
      next: { ...instant, description: 'More entries follow: pass as `after`' },
      older: { ...instant, description: 'Read newest first (order=newest), older entries remain: pass as `before`' },
      notes: { type: 'array', items: text, description: "What could not be read (the workflow's history) and so is missing" },
    },
  },
};

const timelineGet = (who: string, params: z.ZodType) => ({
  get: {
    summary: `One ordered account of everything done to ${who} and why: attempts, deferrals, texts, call turns, payments, pauses and agents' actions`,
    tags: ['audit'],
    parameters: [...parameters(params, 'path'), ...parameters(timelineQuery, 'query')],
    responses: {
      200: {
        description: 'A page of the timeline; an auditor sees phone numbers masked in every format',
        content: {
          ...jsonContent(ref('Timeline')),
          'text/plain': { schema: text },
          'text/html': { schema: { ...text, description: 'A self-contained printable page' } },
        },
      },
      400: common[400],
      404: failure(`No such ${who}`),
    },
  },
});

export const timelinePaths: Record<string, JsonSchema> = {
  '/campaigns/{campaignId}/debtors/{accountRef}/timeline': timelineGet('a debtor', debtorParams),
  '/surveys/{surveyId}/respondents/{respondentRef}/timeline': timelineGet('a survey respondent', respondentParams),
};
