import { campaignParams, experimentArmParams, surveyExperimentArmParams } from './api-schemas';
import { surveyParams } from './routes/survey.routes';
import { appliedDocument, failure, ok, parameters, text, type JsonSchema } from './openapi-json-schema';

// The script experiments' part of the OpenAPI document (src/experiments, src/use-cases/experiment-results.ts).

const integer = { type: 'integer' };
const estimate: JsonSchema = {
  type: 'object',
  description: 'The value and its 95% interval (Wilson for a rate, Student t for a mean)',
  properties: { value: { type: 'number' }, low: { type: 'number' }, high: { type: 'number' } },
};

const comparison: JsonSchema = {
  type: 'object',
  properties: {
    arm: { ...text, description: 'The arm compared' },
    against: { ...text, description: 'The control: the experiment\'s first arm' },
    test: { type: 'string', enum: ['two-proportion z-test', 'Welch t-test'] },
    difference: { ...estimate, description: 'arm − control, with its interval at the Bonferroni-corrected confidence' },
    pValue: { type: ['number', 'null'], description: 'Two-sided; null when there is not enough data to test' },
    verdict: { type: 'string', enum: ['significant', 'not-significant', 'not-enough-data'] },
    explanation: { ...text, description: 'The verdict in one plain sentence' },
  },
};

const metric: JsonSchema = {
  type: 'object',
  properties: {
    metric: {
      type: 'string',
      enum: ['right-party-contact-rate', 'promise-to-pay-rate', 'kept-promise-rate', 'collected-per-account', 'hand-off-rate', 'response-rate', 'completion-rate', 'drop-off-rate'],
      description: 'Collections: the first five. Surveys: response rate (started ÷ people), completion rate (finished ÷ started), drop-off rate (started, not finished ÷ started)',
    },
    label: text,
    kind: { type: 'string', enum: ['rate', 'mean'] },
    unit: { type: 'string', enum: ['share', 'minor-units'], description: "'share': 0 to 1; 'minor-units': money in the campaign currency's minor units" },
    arms: {
      type: 'array',
      items: { type: 'object', properties: { arm: text, n: { ...integer, description: 'People measured (kept-promise rate: those whose promise came due)' }, successes: integer, estimate } },
    },
    comparisons: { type: 'array', items: comparison },
  },
};

const experiment: JsonSchema = {
  type: 'object',
  properties: {
    id: text,
    question: text,
    varies: { type: 'array', items: { type: 'string', enum: ['greeting', 'disclosures', 'leadOffer', 'templates', 'callHours', 'introduction'] } },
    control: text,
    arms: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: text,
          weight: integer,
          stopped: { type: 'boolean' },
          people: { ...integer, description: 'People first placed in the arm; they count here after a move too (intention to treat)' },
          movedOut: { ...integer, description: 'Of them, moved to another arm when this one was stopped' },
        },
      },
    },
    metrics: { type: 'array', items: metric },
  },
};

function pathsOf(what: 'campaign' | 'survey', params: typeof campaignParams | typeof surveyParams, armParams: typeof experimentArmParams | typeof surveyExperimentArmParams): Record<string, JsonSchema> {
  const id = `{${what}Id}`;
  return {
    [`/${what}s/${id}/experiments`]: {
      get: {
        summary: `A ${what}'s script experiments: per arm, its people and outcomes, each set against the control with intervals and a significance verdict`,
        tags: ['experiments'],
        parameters: parameters(params, 'path'),
        responses: {
          200: ok('The results, as of now', {
            type: 'object',
            properties: {
              kind: { type: 'string', enum: ['collections', 'survey'] },
              campaignId: { ...text, description: "The campaign's or survey's id" },
              version: integer,
              currency: { ...text, description: "A campaign's currency; absent for a survey" },
              asOf: { ...text, format: 'date-time' },
              experiments: { type: 'array', items: experiment },
            },
          }),
          404: failure(`No such ${what}`),
        },
      },
    },
    [`/${what}s/${id}/experiments/{experimentId}/arms/{armId}/stop`]: {
      post: {
        summary: `Stops an arm: a new ${what} version with the arm stopped; its people move to the remaining arms at their next contact`,
        tags: ['experiments'],
        parameters: parameters(armParams, 'path'),
        responses: {
          200: ok('The new version, and its broadcast to the running people', appliedDocument(`${what}Id`)),
          422: failure('Stopping it would leave no arm running; `details` names the path'),
          404: failure(`No such ${what}, experiment or arm`),
          409: failure('The arm is already stopped'),
        },
      },
    },
  };
}

export const experimentPaths: Record<string, JsonSchema> = {
  ...pathsOf('campaign', campaignParams, experimentArmParams),
  ...pathsOf('survey', surveyParams, surveyExperimentArmParams),
};
