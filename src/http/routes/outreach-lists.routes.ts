import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { campaignParams } from '../api-schemas';
import { parseRequest } from '../request-input';
import { surveyParams } from './survey.routes';
import { broadcastsOf, listOutreach, versionDiff, versionHistory, type OutreachKind } from '../../use-cases/outreach-lists';

const version = (what: string) => z.coerce.number({ message: 'must be a version number' }).int('must be a whole number').min(1, 'must be 1 or more').describe(what);

export const outreachListQuery = z.strictObject({
  limit: z.coerce.number().int('must be a whole number').min(1).max(200).default(50).describe('Documents per page'),
  after: campaignParams.shape.campaignId.optional().describe('The `next` of the page before'),
});

export const versionHistoryQuery = z.strictObject({
  limit: z.coerce.number().int('must be a whole number').min(1).max(200).default(50).describe('Versions per page, newest first'),
  before: version('The `next` of the page before: versions older than this one').optional(),
});

export const versionDiffQuery = z.strictObject({
  from: version('The version compared from (usually the older)'),
  to: version('The version compared to'),
});

const kinds: Array<{ kind: OutreachKind; path: string; id(params: unknown): string }> = [
  { kind: 'campaign', path: '/campaigns/:campaignId', id: (params) => parseRequest(campaignParams, params).campaignId },
  { kind: 'survey', path: '/surveys/:surveyId', id: (params) => parseRequest(surveyParams, params).surveyId },
];

/** The lists of campaigns and of surveys, each one's version history and diffs, and its broadcasts' progress. */
export async function outreachListRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  for (const { kind, path, id } of kinds) {
    app.get(`/${kind}s`, async (request) => listOutreach(deps, kind, parseRequest(outreachListQuery, request.query)));
    app.get(`${path}/versions`, async (request) => versionHistory(deps, kind, id(request.params), parseRequest(versionHistoryQuery, request.query)));
    app.get(`${path}/versions/diff`, async (request) => {
      const { from, to } = parseRequest(versionDiffQuery, request.query);
      return versionDiff(deps, kind, id(request.params), from, to);
    });
    app.get(`${path}/broadcasts`, async (request) => broadcastsOf(deps, kind, id(request.params)));
  }
}
