import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { parseRequest } from '../request-input';
import { hiddenFieldPattern } from '../../surveys/condition-notation';
import { exportSurvey, surveyResponses, surveyResults } from '../../use-cases/survey-results';
import { surveyParams } from './survey.routes';

const fieldName = hiddenFieldPattern.source.replace(/^\^|\$$/g, '');

export const surveyResultsQuery = z.strictObject({
  groupBy: z
    .string()
    .regex(new RegExp(`^(channel|language|hidden\\.${fieldName})$`), 'must be channel, language or hidden.<field>')
    .optional()
    .describe('Figures per group besides the overall ones: the channel a respondent started on, their language, or a hidden field the survey declares'),
  version: z.coerce.number().int().min(1).optional().describe("Whose questions the answers are read against; absent: the latest. Every version's respondents count"),
  question: z.string().min(1).max(100).optional().describe("One question's results only (its id); a 404 names the survey's questions when it has no such one"),
});

export const surveyResponsesQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  after: z.string().min(1).max(200).optional().describe('The `next` of the previous page'),
});

export const surveyExportQuery = z.strictObject({ format: z.enum(['csv', 'ndjson']).default('csv') });

/** A survey's results, its responses page by page, and its answers as a file. */
export async function surveyResultsRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const survey = (params: unknown) => parseRequest(surveyParams, params).surveyId;

  app.get('/surveys/:surveyId/results', async (request) => surveyResults(deps, survey(request.params), parseRequest(surveyResultsQuery, request.query)));

  app.get('/surveys/:surveyId/responses', async (request) => surveyResponses(deps, survey(request.params), parseRequest(surveyResponsesQuery, request.query)));

  app.get('/surveys/:surveyId/export', async (request, reply) => {
    const surveyId = survey(request.params);
    const { format } = parseRequest(surveyExportQuery, request.query);
    const file = await exportSurvey(deps, surveyId, format);
    return reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.filename}"`).send(file.body);
  });
}
