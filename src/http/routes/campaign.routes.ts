import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app-deps';
import { AppError } from '../../errors/app-error';
import { campaignParams, campaignQuery } from '../api-schemas';
import { enforceBodyLimit, parseRequest } from '../request-input';
import type { CampaignDocumentFormat } from '../../campaigns/campaign-document';
import {
  applyCampaign,
  campaignRejection,
  getCampaign,
  pauseCampaign,
  resumeCampaign,
  validateCampaignDocument,
} from '../../use-cases/campaigns';

interface CampaignDocumentBody {
  text: string;
  format: CampaignDocumentFormat;
}

export const campaignDocumentTypes = { 'application/json': 'json', 'application/yaml': 'yaml', 'text/yaml': 'yaml' } as const;

/** Campaign documents: validate, apply as a new version, read, pause and resume. */
export async function campaignRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await app.register(async (scope) => {
    scope.addHook('preParsing', enforceBodyLimit);
    // Documents are kept as text and parsed by the campaign reader, so a syntax error is answered
    // with its line and column; JSON bodies are read the same way.
    scope.removeContentTypeParser('application/json');
    for (const [contentType, format] of Object.entries(campaignDocumentTypes)) {
      scope.addContentTypeParser(contentType, { parseAs: 'string' }, (_request, text, done) => done(null, { text, format }));
    }

    scope.post('/campaigns/validate', async (request, reply) => {
      const { text, format } = campaignDocument(request.body);
      const checked = validateCampaignDocument(text, format);
      if (checked.ok) return { valid: true };
      if (checked.unreadable) throw campaignRejection(checked);
      return reply.code(422).send({ valid: false, errors: checked.errors });
    });

    scope.put('/campaigns', async (request, reply) => {
      const { text, format } = campaignDocument(request.body);
      const applied = await applyCampaign(deps, text, format);
      return reply.code(applied.created ? 201 : 200).send(applied);
    });

    scope.get('/campaigns/:campaignId', async (request) => {
      const { campaignId } = parseRequest(campaignParams, request.params);
      const { version } = parseRequest(campaignQuery, request.query);
      return getCampaign(deps, campaignId, version);
    });

    scope.post('/campaigns/:campaignId/pause', async (request) => pauseCampaign(deps, parseRequest(campaignParams, request.params).campaignId));
    scope.post('/campaigns/:campaignId/resume', async (request) => resumeCampaign(deps, parseRequest(campaignParams, request.params).campaignId));
  });
}

function campaignDocument(body: unknown): CampaignDocumentBody {
  const document = body as CampaignDocumentBody | undefined;
  if (!document || document.text.trim() === '') {
    throw new AppError('bad_request', `send the campaign document as the body, typed ${Object.keys(campaignDocumentTypes).join(', ')}`, 400);
  }
  return document;
}
