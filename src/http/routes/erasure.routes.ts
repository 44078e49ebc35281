import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { debtorParams } from '../api-schemas';
import { parseRequest } from '../request-input';
import { actorOf } from '../access/auth-guard';
import { eraseDebtor, eraseRespondent } from '../../use-cases/erasure';
import { respondentParams } from './respondent.routes';

export const erasureBody = z.strictObject({
  reason: z.string().trim().min(1, 'say who asked and how (a letter of 2026-11-02, ticket 4411)').max(1000).describe('Who asked for the erasure and how; kept in the erasure record'),
});

/** A person's erasure request, for a debtor or a survey respondent. */
export async function erasureRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.post('/campaigns/:campaignId/debtors/:accountRef/erasure', async (request) =>
    eraseDebtor(deps, parseRequest(debtorParams, request.params), { reason: parseRequest(erasureBody, request.body).reason, actor: actorOf(request) }),
  );
  app.post('/surveys/:surveyId/respondents/:respondentRef/erasure', async (request) =>
    eraseRespondent(deps, parseRequest(respondentParams, request.params), { reason: parseRequest(erasureBody, request.body).reason, actor: actorOf(request) }),
  );
}
