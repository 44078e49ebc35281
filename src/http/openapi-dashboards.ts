import { collectionFactNames } from '../kpi/collection-kpis';
import { surveyCountNames } from '../kpi/survey-kpis';
import { failure, ok, parameters, text, type JsonSchema } from './openapi-json-schema';
import { collectionsDashboardQuery, surveysDashboardQuery } from './routes/dashboard.routes';

// The dashboards' part of the OpenAPI document. The facts and KPIs are defined in src/kpi
// (collection-kpis.ts, survey-kpis.ts); a ratio is null when nothing is under it.

const integer = { type: 'integer' };
const fraction = { type: ['number', 'null'], description: 'A fraction (0.5 is half); null when its denominator is zero' };
const counts = (names: readonly string[]): JsonSchema => ({ type: 'object', properties: Object.fromEntries(names.map((name) => [name, integer])) });

const collectionKpis: JsonSchema = {
  type: 'object',
  description:
    'contactRate = liveContacts ÷ attempts; rightPartyContactRate = rightPartyContacts ÷ liveContacts; promiseToPayRate = promises ÷ rightPartyContacts; ' +
    'keptPromiseRate = promisesKept ÷ promisesDue; liquidationRate = collectedMinor ÷ assignedMinor; cureRate = accountsCured ÷ accountsAssigned; ' +
    'handOffRate = handOffs ÷ liveContacts; averageHandleSeconds = handleSeconds ÷ handledCalls',
  properties: {
    contactRate: fraction,
    rightPartyContactRate: fraction,
    promiseToPayRate: fraction,
    keptPromiseRate: fraction,
    collectedMinor: { ...integer, description: 'Minor units (cents)' },
    liquidationRate: fraction,
    cureRate: fraction,
    handOffRate: fraction,
    averageHandleSeconds: { type: ['number', 'null'] },
  },
};

const surveyFacts: JsonSchema = { ...counts(surveyCountNames), properties: { ...(counts(surveyCountNames).properties as object), answered: { type: 'object', additionalProperties: integer, description: 'Per question id' } } };
const surveyKpis: JsonSchema = {
  type: 'object',
  properties: {
    responseRate: { ...fraction, description: 'started ÷ invited' },
    completionRate: { ...fraction, description: 'completed ÷ started' },
    dropOff: {
      type: 'array',
      items: { type: 'object', properties: { questionId: text, reached: integer, droppedOff: integer, dropOffRate: fraction } },
      description: 'Per question in order: answered it but not the next (or, for the last, did not finish) ÷ answered it',
    },
    nps: { type: ['number', 'null'], description: '% promoters (9–10) − % detractors (0–6), −100 to 100' },
  },
};

/** The facts and KPIs per bucket and group, per group over the range, and overall. */
function seriesOf(facts: JsonSchema, kpis: JsonSchema, extra: Record<string, JsonSchema>): JsonSchema {
  const figures = { facts, kpis };
  const grouped = { type: 'object', properties: { group: text, ...figures } };
  return {
    type: 'object',
    properties: {
      ...extra,
      groups: { type: 'array', items: text },
      buckets: { type: 'array', items: { type: 'object', properties: { bucket: { ...text, description: 'The local date, or the Monday of the week' }, groups: { type: 'array', items: grouped } } } },
      totals: { type: 'array', items: grouped },
      overall: { type: 'object', properties: figures },
    },
  };
}

export const dashboardPaths: Record<string, JsonSchema> = {
  '/dashboards/collections': {
    get: {
      summary: 'Collections KPIs per day or week and per campaign, strategy, segment, language, channel or version',
      tags: ['dashboards'],
      parameters: parameters(collectionsDashboardQuery, 'query'),
      responses: {
        200: ok('The figures', seriesOf(counts(collectionFactNames), collectionKpis, { by: text, campaignId: { type: ['string', 'null'] }, campaignIds: { type: 'array', items: text } })),
        400: failure('A bad parameter; `details` names it'),
      },
    },
  },
  '/dashboards/surveys': {
    get: {
      summary: "A survey's response and completion rates, drop-off per question and NPS per day or week",
      tags: ['dashboards'],
      parameters: parameters(surveysDashboardQuery, 'query'),
      responses: {
        200: ok(
          'The figures',
          seriesOf(surveyFacts, surveyKpis, {
            surveyId: { type: ['string', 'null'] },
            surveyIds: { type: 'array', items: text },
            questions: { type: 'array', items: { type: 'object', properties: { id: text, text: { type: 'object', additionalProperties: text } } } },
          }),
        ),
        400: failure('A bad parameter; `details` names it'),
        404: failure('No such survey'),
      },
    },
  },
};
