import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../app-deps';
import { campaignParams, debtorActionBodies, debtorListQuery, debtorParams, debtorPaymentsQuery, humanTaskParams, humanTaskResolutionBody, paymentHeaders } from '../api-schemas';
import { importRoute } from '../request-bodies';
import { enforceBodyLimit, parseRequest } from '../request-input';
import { actorOf, principalOf } from '../access/auth-guard';
import { resolveHumanTask } from '../../use-cases/human-task-resolution';
import { importDebtors } from '../../use-cases/import-debtors';
import { debtorPayments } from '../../use-cases/debtor-payments';
import {
  agreePlan,
  ceaseCommunication,
  closeDebtor,
  disputeDebt,
  listDebtors,
  pauseDebtor,
  recordOperatorPayment,
  recordPromise,
  resumeDebtor,
  showDebtor,
} from '../../use-cases/debtors';

/** Debtors of a campaign: import, list, show, and the operator actions on one account. */
export async function debtorRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await importRoute(app, deps, {
    url: '/campaigns/:campaignId/debtors/import',
    what: 'debtors',
    run: (params, file, options) => importDebtors(deps, parseRequest(campaignParams, params).campaignId, file, options),
  });

  await app.register(async (scope) => {
    scope.addHook('preParsing', enforceBodyLimit);
    const account = (request: FastifyRequest) => parseRequest(debtorParams, request.params);
    const bodies = debtorActionBodies;

    scope.get('/campaigns/:campaignId/debtors', async (request) => {
      const { campaignId } = parseRequest(campaignParams, request.params);
      return listDebtors(deps, campaignId, parseRequest(debtorListQuery, request.query));
    });

    scope.get('/campaigns/:campaignId/debtors/:accountRef', async (request) => showDebtor(deps, account(request)));
    scope.get('/campaigns/:campaignId/debtors/:accountRef/payments', async (request) => debtorPayments(deps, account(request), parseRequest(debtorPaymentsQuery, request.query)));

    const action = '/campaigns/:campaignId/debtors/:accountRef';

    scope.post(`${action}/payments`, async (request, reply) => {
      const { 'idempotency-key': idempotencyKey } = parseRequest(paymentHeaders, request.headers);
      const recorded = await recordOperatorPayment(deps, account(request), parseRequest(bodies.payments, request.body), actorOf(request), idempotencyKey);
      return reply.code(202).send(recorded);
    });
    scope.post(`${action}/promises`, async (request) => recordPromise(deps, account(request), parseRequest(bodies.promises, request.body), actorOf(request)));
    scope.post(`${action}/plans`, async (request) => agreePlan(deps, account(request), parseRequest(bodies.plans, request.body), actorOf(request)));
    scope.post(`${action}/dispute`, async (request) => disputeDebt(deps, account(request), parseRequest(bodies.dispute, request.body).reason, actorOf(request)));
    scope.post(`${action}/cease`, async (request) => ceaseCommunication(deps, account(request), parseRequest(bodies.cease, request.body).source, actorOf(request)));
    scope.post(`${action}/pause`, async (request) => pauseDebtor(deps, account(request), parseRequest(bodies.pause, request.body).reason, actorOf(request)));
    scope.post(`${action}/resume`, async (request) => {
      parseRequest(bodies.resume, request.body);
      return resumeDebtor(deps, account(request), actorOf(request));
    });
    scope.post(`${action}/close`, async (request) => closeDebtor(deps, account(request), parseRequest(bodies.close, request.body).reason, actorOf(request)));

    scope.post(`${action}/human-tasks/:taskId/resolution`, async (request) => {
      const { taskId, ...ref } = parseRequest(humanTaskParams, request.params);
      return resolveHumanTask(deps, ref, taskId, parseRequest(humanTaskResolutionBody, request.body), principalOf(request));
    });
  });
}
