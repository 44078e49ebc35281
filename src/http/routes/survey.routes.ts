import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { campaignQuery } from '../api-schemas';
import { documentRoutes, importRoute } from '../request-bodies';
import { parseRequest } from '../request-input';
import { actorOf } from '../access/auth-guard';
import { surveySchema } from '../../surveys/survey-schema';
import { importRespondents } from '../../use-cases/import-respondents';
import { applySurvey, getSurvey, pauseSurvey, resumeSurvey, validateSurveyDocument } from '../../use-cases/surveys';

export const surveyParams = z.strictObject({ surveyId: surveySchema.shape.id.describe("The survey's id, as in its document") });
/** Surveys are versioned in the campaigns' store: the same `?version=N`. */
export const surveyQuery = campaignQuery;

/** Survey documents (validate, apply as a new version, read, pause, resume) and the import of their respondents. */
export async function surveyRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await app.register(async (scope) =>
    documentRoutes(scope, {
      what: 'survey',
      validate: validateSurveyDocument,
      apply: (text, format, actor) => applySurvey(deps, text, format, actor),
      read: (params, query) => getSurvey(deps, parseRequest(surveyParams, params).surveyId, parseRequest(surveyQuery, query).version),
    }),
  );

  app.post('/surveys/:surveyId/pause', async (request) => pauseSurvey(deps, parseRequest(surveyParams, request.params).surveyId, actorOf(request)));
  app.post('/surveys/:surveyId/resume', async (request) => resumeSurvey(deps, parseRequest(surveyParams, request.params).surveyId, actorOf(request)));

  await importRoute(app, deps, {
    url: '/surveys/:surveyId/respondents',
    what: 'respondents',
    run: (params, file, options) => importRespondents(deps, parseRequest(surveyParams, params).surveyId, file, options),
  });
}
