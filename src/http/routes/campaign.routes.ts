import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app-deps';
import { campaignParams, campaignQuery } from '../api-schemas';
import { documentRoutes } from '../request-bodies';
import { parseRequest } from '../request-input';
import { actorOf } from '../access/auth-guard';
import { applyCampaign, getCampaign, pauseCampaign, resumeCampaign, validateCampaignDocument } from '../../use-cases/campaigns';

/** Campaign documents: validate, apply as a new version, read, pause and resume. */
export async function campaignRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await app.register(async (scope) => {
    documentRoutes(scope, {
      what: 'campaign',
      validate: validateCampaignDocument,
      apply: (text, format, actor) => applyCampaign(deps, text, format, actor),
      read: (params, query) => getCampaign(deps, parseRequest(campaignParams, params).campaignId, parseRequest(campaignQuery, query).version),
    });

    scope.post('/campaigns/:campaignId/pause', async (request) => pauseCampaign(deps, parseRequest(campaignParams, request.params).campaignId, actorOf(request)));
    scope.post('/campaigns/:campaignId/resume', async (request) => resumeCampaign(deps, parseRequest(campaignParams, request.params).campaignId, actorOf(request)));
  });
}
