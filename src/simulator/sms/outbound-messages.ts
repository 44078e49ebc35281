import { blockReasonOf } from '../blocked-numbers';
import type { SimulatorContext } from '../context';
import { newSid } from '../ids';
import type { SimulatorAccount } from '../options';
import { isE164 } from '../phone-numbers';
import type { MessageRecord } from '../records';
import { twilioErrors } from '../twilio-errors';
import type { HttpMethod } from '../webhooks/webhook-sender';
import { type DeliveryOptions, deliverMessage } from './message-delivery';
import { countSegments } from './segments';

export interface OutboundMessageRequest {
  account: SimulatorAccount;
  from: string | undefined;
  to: string | undefined;
  body: string | undefined;
  direction: 'outbound-api' | 'outbound-reply';
  statusCallback: string | undefined;
  statusCallbackMethod: HttpMethod;
}

// Twilio refuses bodies longer than 1600 characters (error 21617).
const MAX_BODY_LENGTH = 1600;

/**
 * Accepts a message from the service as Twilio does (or throws Twilio's error), records it as
 * queued and starts its delivery to the simulated person.
 */
export function sendServiceMessage(context: SimulatorContext, request: OutboundMessageRequest): MessageRecord {
  const { to, from, body } = request;
  if (!to) throw twilioErrors.messageToRequired();
  if (!from) throw twilioErrors.messageFromRequired();
  if (!body) throw twilioErrors.messageBodyRequired();
  if (body.length > MAX_BODY_LENGTH) throw twilioErrors.messageBodyTooLong();
  if (!isE164(to)) throw twilioErrors.invalidTo(to);
  const number = context.serviceNumber(from);
  if (!number || (number.accountSid ?? context.options.accounts[0]!.sid) !== request.account.sid) {
    throw twilioErrors.notSmsCapableFrom(from);
  }
  switch (blockReasonOf(context.options.blockedNumbers, to)) {
    case 'unsubscribed':
    case 'blocklisted':
      throw twilioErrors.unsubscribedRecipient();
    case 'not-mobile':
      throw twilioErrors.notMobile(to);
    case 'geo-permission':
      throw twilioErrors.smsGeoPermission(to);
  }
  if (context.optOuts.hasOptedOut(from, to)) throw twilioErrors.unsubscribedRecipient();

  return queueMessage(context, request.account, { from, to, body, direction: request.direction }, {
    statusCallback: request.statusCallback,
    statusCallbackMethod: request.statusCallbackMethod,
    personReacts: true,
  });
}

/** Records a message as queued and starts its delivery; no checks (Twilio's own messages need none). */
export function queueMessage(
  context: SimulatorContext,
  account: SimulatorAccount,
  fields: Pick<MessageRecord, 'from' | 'to' | 'body' | 'direction'>,
  delivery: DeliveryOptions,
): MessageRecord {
  const now = new Date();
  const message: MessageRecord = {
    ...fields,
    sid: newSid('SM'),
    accountSid: account.sid,
    status: 'queued',
    numSegments: countSegments(fields.body),
    errorCode: null,
    errorMessage: null,
    price: null,
    dateCreated: now,
    dateUpdated: now,
    dateSent: null,
  };
  context.store.addMessage(message);
  context.log({ level: 'info', message: `message queued from ${message.from} to ${message.to}`, messageSid: message.sid });
  context.tasks.run(`deliver ${message.sid}`, () => deliverMessage(context, account, message.sid, delivery));
  return message;
}
