import type { FastifyInstance } from 'fastify';
import type { SimulatorContext } from '../context';
import { sendServiceMessage } from '../sms/outbound-messages';
import { twilioErrors } from '../twilio-errors';
import { authenticate } from './authentication';
import { type FormParams, formParam, sidFromFile } from './form-params';
import { listPage } from './paging';
import { accountPath, messageJson } from './resources';

interface AccountRoute {
  Params: { accountSid: string; file?: string };
  Body: FormParams;
  Querystring: Record<string, string | undefined>;
}

/** The Messages resource: create (send), list, fetch. */
export function registerMessageRoutes(app: FastifyInstance, context: SimulatorContext): void {
  const base = '/2010-04-01/Accounts/:accountSid/Messages';

  app.post<AccountRoute>(`${base}.json`, async (request, reply) => {
    const account = authenticate(context.options.accounts, request.headers.authorization, request.params.accountSid);
    const body = request.body;
    const message = sendServiceMessage(context, {
      account,
      to: formParam(body, 'To'),
      from: formParam(body, 'From'),
      body: formParam(body, 'Body'),
      direction: 'outbound-api',
      statusCallback: formParam(body, 'StatusCallback'),
      statusCallbackMethod: formParam(body, 'StatusCallbackMethod')?.toUpperCase() === 'GET' ? 'GET' : 'POST',
    });
    return reply.code(201).send(messageJson(message));
  });

  app.get<AccountRoute>(`${base}.json`, async (request) => {
    const account = authenticate(context.options.accounts, request.headers.authorization, request.params.accountSid);
    const { To: to, From: from } = request.query;
    const messages = context.store.listMessages({ accountSid: account.sid, to, from });
    return listPage(messages, messageJson, 'messages', `${accountPath(account.sid)}/Messages.json`, request.query);
  });

  app.get<AccountRoute>(`${base}/:file`, async (request) => {
    const account = authenticate(context.options.accounts, request.headers.authorization, request.params.accountSid);
    const message = context.store.message(sidFromFile(request.params.file!));
    if (!message || message.accountSid !== account.sid) throw twilioErrors.notFound(request.url);
    return messageJson(message);
  });
}
