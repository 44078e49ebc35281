import { surveySchema } from '../surveys/survey-schema';
import { requiredRespondentColumns, respondentColumns } from '../use-cases/respondent-row';
import { appliedDocument, documentPaths, failure, importFailures, importRequestBody, ok, parameters, ref, requestSchema, storedDocument, type JsonSchema } from './openapi-json-schema';
import { peopleTold } from './openapi-components';
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
  ...Object.fromEntries(
    (['pause', 'resume'] as const).map((verb) => [
      `/surveys/{surveyId}/${verb}`,
      {
        post: {
          summary:
            verb === 'pause'
              ? 'Pause the survey: every running respondent is paused, and imports are refused (409) until it resumes'
              : 'Resume the survey and every respondent its pause paused (an operator\'s own pause stays)',
          tags: ['surveys'],
          parameters: parameters(surveyParams, 'path'),
          responses: {
            200: ok('The survey state and how many respondents took the change', ref('SurveyRunState')),
            400: failure('The survey id is malformed'),
            404: failure("No such survey, or the id is a collections campaign's"),
          },
        },
      },
    ]),
  ),
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
  SurveyApplied: appliedDocument('surveyId', {
    respondents: { ...ref('RespondentsTold'), description: 'A new version after the first: the running respondents told of it so far' },
    broadcast: ref('CampaignBroadcast'),
  }),
  RespondentsTold: peopleTold('respondent'),
  SurveyRunState: {
    type: 'object',
    properties: { surveyId: { type: 'string' }, paused: { type: 'boolean' }, respondents: ref('RespondentsTold'), broadcast: ref('CampaignBroadcast') },
  },
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
