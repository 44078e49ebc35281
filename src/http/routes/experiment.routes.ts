import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app-deps';
import { campaignParams, experimentArmParams } from '../api-schemas';
import { parseRequest } from '../request-input';
import { actorOf } from '../access/auth-guard';
import { campaignExperiments, stopExperimentArm } from '../../use-cases/experiment-results';

// A campaign's script experiments: the results per arm, and stopping an arm.

export async function experimentRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/campaigns/:campaignId/experiments', async (request) =>
    campaignExperiments(deps, parseRequest(campaignParams, request.params).campaignId));
  app.post('/campaigns/:campaignId/experiments/:experimentId/arms/:armId/stop', async (request) =>
    stopExperimentArm(deps, parseRequest(experimentArmParams, request.params), actorOf(request)));
}
