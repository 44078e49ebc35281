import { common, failure, ok, parameters, text, type JsonSchema } from './openapi-json-schema';
import { humanTaskQueueQuery, queuedTaskParams } from './routes/human-task-queue.routes';

// The agents' queue in the OpenAPI document: the open tasks oldest first, and the claim that keeps
// two agents off one task. Resolving goes through the person's own resolution route.

const instant = { type: 'string', format: 'date-time' };

const claim: JsonSchema = {
  type: 'object',
  required: ['agent', 'claimedAt'],
  properties: { agent: { ...text, description: 'key:<name> or oidc:<subject>' }, claimedAt: instant },
};

const task: JsonSchema = {
  type: 'object',
  required: ['taskId', 'kind', 'status', 'reason', 'summary', 'transcript', 'openedAt', 'waitSeconds', 'claimedBy'],
  properties: {
    taskId: text,
    kind: {
      enum: ['debtor', 'survey-follow-up'],
      description:
        'debtor: campaignId and accountRef, resolved at /campaigns/{campaignId}/debtors/{accountRef}/human-tasks/{taskId}/resolution; survey-follow-up: surveyId and respondentRef, resolved at /surveys/{surveyId}/respondents/{respondentRef}/follow-ups/{taskId}/resolution',
    },
    campaignId: text,
    accountRef: text,
    surveyId: text,
    respondentRef: text,
    status: { enum: ['open', 'resolved'] },
    reason: { ...text, description: 'Why a person is needed: human-first, call-transfer, call-escalation, sms-reply, cadence-exhausted, disputed, ceased, detractor, ...' },
    summary: { ...text, description: 'What the agent needs to know first (redacted)' },
    transcript: {
      type: 'array',
      description: "The call's turns before the hand-off (redacted); empty when the task came from no call",
      items: { type: 'object', properties: { heard: text, said: text } },
    },
    openedAt: instant,
    waitSeconds: { type: 'integer', description: 'How long it has waited: until now while open, until its resolution after' },
    claimedBy: { oneOf: [claim, { type: 'null' }], description: 'Who holds it; null when nobody does' },
    resolvedAt: instant,
  },
};

const queuedTask = parameters(queuedTaskParams, 'path');
const notFound = failure('No such human task');

export const queuePaths: Record<string, JsonSchema> = {
  '/human-tasks': {
    get: {
      summary: "The agents' queue: human tasks of debtors and survey follow-ups, oldest first, each with who holds it",
      tags: ['agents'],
      parameters: parameters(humanTaskQueueQuery, 'query'),
      responses: {
        200: ok('A page of tasks', { type: 'object', required: ['tasks'], properties: { tasks: { type: 'array', items: task }, next: { ...text, description: 'Pass as `cursor` for the next page' } } }),
        400: common[400],
      },
    },
  },
  '/human-tasks/{taskId}/claim': {
    post: {
      summary: 'Take an open task: exactly one of two agents claiming at once gets it; only the holder (or an admin) may then resolve or release it',
      tags: ['agents'],
      parameters: queuedTask,
      responses: {
        200: ok('Claimed (or already held by the caller)', { type: 'object', properties: { taskId: text, claimedBy: text, claimedAt: instant } }),
        404: notFound,
        409: failure('Another agent holds the task (the message names them), or it is already resolved'),
      },
    },
  },
  '/human-tasks/{taskId}/release': {
    post: {
      summary: 'Let go of a claimed task so another agent may take it',
      tags: ['agents'],
      parameters: queuedTask,
      responses: {
        200: ok('Released, or `released: false` when nobody held it', { type: 'object', properties: { taskId: text, released: { type: 'boolean' } } }),
        409: failure('Another agent holds the task (the message names them); an admin may release it'),
      },
    },
  },
};
