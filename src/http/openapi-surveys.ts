import { surveySchema } from '../surveys/survey-schema';
import { requiredRespondentColumns, respondentColumns } from '../use-cases/respondent-row';
import { appliedDocument, documentPaths, failure, importFailures, importRequestBody, ok, parameters, ref, requestSchema, storedDocument, type JsonSchema } from './openapi-json-schema';
import { surveyParams, surveyQuery } from './routes/survey.routes';

// The survey document and respondent import routes' part of the OpenAPI document: parameters and
// the document's schema generated from the zod schemas, responses described here.

const cell = { type: ['string', 'number', 'boolean'] };

export const surveyPaths: Record<string, JsonSchema> = {
  ...documentPaths({
    what: 'survey',
    params: surveyParams,
    query: surveyQuery,
    example: 'examples/surveys/satisfaction-demo.yaml',
    applySummary: "Save a survey document as the survey's next version",
    notFound: "the id is a collections campaign's",
  }),
  '/surveys/{surveyId}/respondents': {
    post: {
      summary: "Import respondents and start each one's workflow; streamed, so files of any length are fine",
      tags: ['surveys'],
      parameters: parameters(surveyParams, 'path'),
      requestBody: importRequestBody('RespondentImportRow', {
        all: [...respondentColumns, "<each of the survey's hiddenFields>"],
        required: requiredRespondentColumns,
        each: 'respondent',
      }),
      responses: {
        200: ok('What happened to every row', ref('ImportReport')),
        404: failure('No such survey; nothing was written'),
        ...importFailures('survey'),
      },
    },
  },
};

export const surveyComponentSchemas: Record<string, JsonSchema> = {
  SurveyDocument: requestSchema(surveySchema),
  SurveyApplied: appliedDocument('surveyId'),
  StoredSurvey: storedDocument('surveyId', 'SurveyDocument'),
  RespondentImportRow: {
    type: 'object',
    description:
      "One respondent. Columns match without regard to case; empty values take the survey's defaults (defaultTimeZone, its first language, no artificial-voice consent). " +
      "Each of the survey's hiddenFields is a column too, kept as text; any other column is an error.",
    properties: Object.fromEntries(respondentColumns.map((column) => [column, cell])),
    required: [...requiredRespondentColumns],
    additionalProperties: { ...cell, description: 'A hidden field the survey declares' },
  },
};
