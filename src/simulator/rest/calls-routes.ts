import type { FastifyInstance } from 'fastify';
import type { SimulatorContext } from '../context';
import { TERMINAL_CALL_STATUSES } from '../records';
import { twilioErrors } from '../twilio-errors';
import { placeCall } from '../voice/outbound-calls';
import type { TwimlSource } from '../voice/twiml-source';
import { authenticate } from './authentication';
import { CallRateLimiter } from './call-rate-limiter';
import { type FormParams, formParam, sidFromFile } from './form-params';
import { listPage } from './paging';
import { accountPath, callJson } from './resources';

interface AccountRoute {
  Params: { accountSid: string; file?: string };
  Body: FormParams;
  Querystring: Record<string, string | undefined>;
}

// How long an update that hangs up waits for the call to reach its final status before answering.
const HANGUP_SETTLE_MS = 2_000;

/** The Calls resource: create, list, fetch, update (redirect, hang up, cancel). */
export function registerCallRoutes(app: FastifyInstance, context: SimulatorContext): void {
  const base = '/2010-04-01/Accounts/:accountSid/Calls';
  const rateLimiter = new CallRateLimiter(context.options.callsPerSecond);

  app.post<AccountRoute>(`${base}.json`, async (request, reply) => {
    const account = authenticate(context.options.accounts, request.headers.authorization, request.params.accountSid);
    if (!rateLimiter.tryAcquire(account.sid)) {
      // Recorded so a test can prove the service never trips the account's rate.
      context.log({ level: 'warn', code: 20429, message: `call refused: over ${context.options.callsPerSecond} new calls per second` });
      throw twilioErrors.tooManyRequests();
    }
    const call = placeCall(context, account, request.body ?? {});
    return reply.code(201).send(callJson(call));
  });

  app.get<AccountRoute>(`${base}.json`, async (request) => {
    const account = authenticate(context.options.accounts, request.headers.authorization, request.params.accountSid);
    const { To: to, From: from, Status: status } = request.query;
    const calls = context.store.listCalls({ accountSid: account.sid, to, from, status });
    return listPage(calls, callJson, 'calls', `${accountPath(account.sid)}/Calls.json`, request.query);
  });

  app.get<AccountRoute>(`${base}/:file`, async (request) => {
    const account = authenticate(context.options.accounts, request.headers.authorization, request.params.accountSid);
    const call = context.store.call(sidFromFile(request.params.file!));
    if (!call || call.accountSid !== account.sid) throw twilioErrors.notFound(request.url);
    return callJson(call);
  });

  app.post<AccountRoute>(`${base}/:file`, async (request) => {
    const account = authenticate(context.options.accounts, request.headers.authorization, request.params.accountSid);
    const sid = sidFromFile(request.params.file!);
    const call = context.store.call(sid);
    if (!call || call.accountSid !== account.sid) throw twilioErrors.notFound(request.url);
    const status = formParam(request.body, 'Status');
    if (status !== undefined && status !== 'completed' && status !== 'canceled') {
      throw twilioErrors.invalidParameter(`Status must be completed or canceled, got "${status}"`);
    }
    const source = redirectSource(request.body);
    const live = context.liveCalls.get(sid);
    if (!live) throw twilioErrors.callNotInProgress();
    if (source) live.redirect(source);
    // canceled only affects a call not yet answered; completed hangs up either way.
    if (status === 'completed' || (status === 'canceled' && !live.isAnswered())) {
      live.end(status);
      await context.store
        .waitFor(() => (TERMINAL_CALL_STATUSES.has(call.status) ? call : undefined), HANGUP_SETTLE_MS)
        .catch(() => call);
    }
    return callJson(call);
  });
}

function redirectSource(body: FormParams | undefined): TwimlSource | null {
  const twiml = formParam(body, 'Twiml');
  if (twiml) return { kind: 'inline', twiml };
  const url = formParam(body, 'Url');
  if (!url) return null;
  try {
    new URL(url);
  } catch {
    throw twilioErrors.invalidUrl(url);
  }
  const method = formParam(body, 'Method')?.toUpperCase() === 'GET' ? 'GET' : 'POST';
  return { kind: 'url', url, method, purpose: 'redirect' };
}
