import type { z } from 'zod';
import { common, failure, jsonContent, ok, parameters, requestSchema, type JsonSchema } from './openapi-json-schema';
import { followUpParams, respondentBodies, respondentParams } from './routes/respondent.routes';

// One survey respondent's routes in the OpenAPI document: parameters and bodies from the schemas
// the routes parse with; the state is RespondentView in workflows/respondent/respondent.messages.ts.

const respondentState = ok("The respondent's workflow state: status, outcome, answers, attempts, follow-up", { type: 'object' });
const refused = {
  404: failure('No such survey or respondent, or the workflow is gone'),
  422: failure("The workflow refused; the message gives its reason, naming the field (e.g. 'notes: required')"),
};

const action = (summary: string, params: z.ZodType, body?: z.ZodType) => ({
  post: {
    summary,
    tags: ['surveys'],
    parameters: parameters(params, 'path'),
    ...(body ? { requestBody: { required: true, content: jsonContent(requestSchema(body)) } } : {}),
    responses: { 200: respondentState, ...common, ...refused },
  },
});

const one = '/surveys/{surveyId}/respondents/{respondentRef}';

export const respondentPaths: Record<string, JsonSchema> = {
  [one]: { get: { summary: "A respondent's state, from their workflow", tags: ['surveys'], parameters: parameters(respondentParams, 'path'), responses: { 200: respondentState, ...common, ...refused } } },
  [`${one}/pause`]: action('Stop contacting the respondent until resumed', respondentParams, respondentBodies.pause),
  [`${one}/resume`]: action("Lift an operator's pause", respondentParams),
  [`${one}/follow-ups/{taskId}/resolution`]: action("Record what was done about a detractor's or a hand-off's experience: closes the loop", followUpParams, respondentBodies.resolution),
};
