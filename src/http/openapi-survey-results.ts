import { common, failure, ok, parameters, text, type JsonSchema } from './openapi-json-schema';
import { surveyExportQuery, surveyResponsesQuery, surveyResultsQuery } from './routes/survey-results.routes';
import { surveyParams } from './routes/survey.routes';

// The survey results routes' part of the OpenAPI document: parameters from the schemas the routes
// parse with, responses described here (their full shapes are the types in
// src/surveys/results/aggregate-results.ts and src/use-cases/survey-results.ts).

const integer = { type: 'integer' };
const fraction = { type: ['number', 'null'], description: 'A fraction (0.5 is half); null when nothing is under it' };
const instant = { type: ['string', 'null'], format: 'date-time' };

const groupResults: JsonSchema = {
  type: 'object',
  required: ['invited', 'started', 'finished', 'responseRate', 'completionRate', 'questions'],
  properties: {
    invited: integer,
    started: integer,
    finished: integer,
    responseRate: fraction,
    completionRate: fraction,
    questions: {
      type: 'array',
      items: {
        type: 'object',
        description: 'Per question: reached, droppedOff, dropOffRate, answered, medianMs, stats (by type: NPS score and bars, choice bars, mean, dates, texts) and probe replies',
        properties: { id: text, type: text, text, reached: integer, droppedOff: integer, dropOffRate: fraction, answered: integer, stats: { type: 'object' } },
      },
    },
  },
};

const resultsView: JsonSchema = {
  type: 'object',
  properties: {
    overall: groupResults,
    by: { ...text, description: 'What the groups are by; absent without groupBy' },
    groups: { type: 'array', items: { type: 'object', properties: { key: text, results: groupResults } } },
  },
};

const surveyResults: JsonSchema = {
  type: 'object',
  required: ['surveyId', 'name', 'version', 'all', 'versions'],
  properties: {
    surveyId: text,
    name: text,
    version: { ...integer, description: 'The version whose questions were read' },
    all: resultsView,
    versions: { type: 'array', items: { ...resultsView, properties: { version: integer, ...(resultsView.properties as object) } }, description: 'The same per version respondents were imported on' },
  },
};

const responsesPage: JsonSchema = {
  type: 'object',
  required: ['responses'],
  properties: {
    responses: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          respondentId: text,
          status: text,
          surveyVersion: integer,
          language: text,
          hidden: { type: 'object', additionalProperties: text },
          invitedAt: { ...instant, description: 'Null: imported, not contacted yet' },
          consentedAt: instant,
          completedAt: instant,
          sessions: { type: 'array', items: { type: 'object', properties: { channel: text, startedAt: instant } } },
          answers: {
            type: 'array',
            description: 'Every answer taken, oldest first (re-answers too); value is null when the respondent declined or did not know (outcome says which)',
            items: { type: 'object', properties: { questionId: text, outcome: text, value: {}, raw: text, channel: text, answeredAt: instant, probe: { type: 'object' } } },
          },
        },
      },
    },
    next: { ...text, description: 'Pass as `after` for the next page; absent on the last' },
  },
};

const surveyPath = '/surveys/{surveyId}';
const notFound = failure('No such survey, or no such version of it');

export const surveyResultsPaths: Record<string, JsonSchema> = {
  [`${surveyPath}/results`]: {
    get: {
      summary: 'Response and completion rates, drop-off per question, NPS and the distribution of every answer, overall, per version and per group',
      tags: ['surveys'],
      parameters: [...parameters(surveyParams, 'path'), ...parameters(surveyResultsQuery, 'query')],
      responses: {
        200: ok('The results', surveyResults),
        400: failure('A bad parameter, or groupBy names a hidden field the survey does not declare'),
        404: failure('No such survey or version, or `question` names no question of it'),
      },
    },
  },
  [`${surveyPath}/responses`]: {
    get: {
      summary: 'A page of respondents in reference order, each with every answer they gave',
      tags: ['surveys'],
      parameters: [...parameters(surveyParams, 'path'), ...parameters(surveyResponsesQuery, 'query')],
      responses: { 200: ok('The page', responsesPage), 400: common[400], 404: notFound },
    },
  },
  [`${surveyPath}/export`]: {
    get: {
      summary: 'The answers the results count, as a file (Content-Disposition names it)',
      tags: ['surveys'],
      parameters: [...parameters(surveyParams, 'path'), ...parameters(surveyExportQuery, 'query')],
      responses: {
        200: {
          description: 'CSV: one row per respondent and question on their path. NDJSON: one object per respondent, with where they stopped',
          content: { 'text/csv': { schema: text }, 'application/x-ndjson': { schema: text } },
        },
        400: common[400],
        404: notFound,
      },
    },
  },
};
