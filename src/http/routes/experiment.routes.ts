import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app-deps';
import { campaignParams, experimentArmParams, surveyExperimentArmParams } from '../api-schemas';
import { parseRequest } from '../request-input';
import { actorOf } from '../access/auth-guard';
import { surveyParams } from './survey.routes';
import { campaignExperiments, stopExperimentArm, stopSurveyExperimentArm, surveyExperiments } from '../../use-cases/experiment-results';

// The script experiments of campaigns and surveys: the results per arm, and stopping an arm.

export async function experimentRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/campaigns/:campaignId/experiments', async (request) => campaignExperiments(deps, parseRequest(campaignParams, request.params).campaignId));
  app.post('/campaigns/:campaignId/experiments/:experimentId/arms/:armId/stop', async (request) =>
    stopExperimentArm(deps, parseRequest(experimentArmParams, request.params), actorOf(request)));
  app.get('/surveys/:surveyId/experiments', async (request) => surveyExperiments(deps, parseRequest(surveyParams, request.params).surveyId));
  app.post('/surveys/:surveyId/experiments/:experimentId/arms/:armId/stop', async (request) => {
    const { surveyId, ...ids } = parseRequest(surveyExperimentArmParams, request.params);
    return stopSurveyExperimentArm(deps, { campaignId: surveyId, ...ids }, actorOf(request));
  });
}
