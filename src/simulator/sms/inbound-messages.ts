import { type SimulatorContext, accountOfNumber } from '../context';
import { newSid } from '../ids';
import type { ServicePhoneNumber, SimulatorAccount } from '../options';
import { SimulatorUsageError } from '../personas/people-registry';
import { isE164 } from '../phone-numbers';
import type { MessageRecord } from '../records';
import { TwimlError } from '../twiml/twiml-document';
import { TwilioApiError } from '../twilio-errors';
import { messagingReplies } from './messaging-twiml';
import { OPT_IN_CONFIRMATION, OPT_OUT_CONFIRMATION, optKeyword } from './opt-outs';
import { queueMessage, sendServiceMessage } from './outbound-messages';
import { countSegments } from './segments';

/**
 * A simulated person texts one of the service's numbers. Twilio records the message, applies its
 * opt-out keywords, posts it to the number's SmsUrl and sends the <Message> replies it gets back.
 */
export function receiveFromPerson(
  context: SimulatorContext,
  personPhone: string,
  servicePhone: string,
  body: string,
): MessageRecord {
  const number = context.serviceNumber(servicePhone);
  if (!number) throw new SimulatorUsageError(`${servicePhone} is not one of the service's phone numbers`);
  if (!isE164(personPhone)) throw new SimulatorUsageError(`phone must be in E.164 format, got "${personPhone}"`);
  const account = accountOfNumber(context, number);
  const now = new Date();
  const message: MessageRecord = {
    sid: newSid('SM'),
    accountSid: account.sid,
    from: personPhone,
    to: servicePhone,
    body,
    direction: 'inbound',
    status: 'received',
    numSegments: countSegments(body),
    errorCode: null,
    errorMessage: null,
    price: null,
    dateCreated: now,
    dateUpdated: now,
    dateSent: now,
  };
  context.store.addMessage(message);
  context.log({ level: 'info', message: `message received from ${personPhone} for ${servicePhone}`, messageSid: message.sid });
  context.tasks.run(`incoming ${message.sid}`, () => forwardToService(context, account, number, message));
  return message;
}

async function forwardToService(
  context: SimulatorContext,
  account: SimulatorAccount,
  number: ServicePhoneNumber,
  message: MessageRecord,
): Promise<void> {
  applyOptKeyword(context, account, message);
  if (number.smsUrl) {
    const result = await context.webhooks.send(account.authToken, {
      url: number.smsUrl,
      method: number.smsMethod ?? 'POST',
      params: incomingMessageParams(message),
      purpose: 'incoming-message',
      messageSid: message.sid,
    });
    if (result.ok) sendReplies(context, account, message, result.body);
    else context.log({ level: 'error', message: result.reason, code: result.errorCode, messageSid: message.sid });
  } else {
    context.log({ level: 'warn', message: `${number.phoneNumber} has no SmsUrl: message not forwarded`, messageSid: message.sid });
  }
  context.store.markMessageSettled(message.sid);
}

/** STOP-like words opt the sender out of this number, START-like words back in; Twilio confirms either. */
function applyOptKeyword(context: SimulatorContext, account: SimulatorAccount, message: MessageRecord): void {
  const keyword = optKeyword(message.body);
  if (keyword === null) return;
  if (keyword === 'opt-out') context.optOuts.optOut(message.to, message.from);
  else context.optOuts.optIn(message.to, message.from);
  queueMessage(
    context,
    account,
    {
      from: message.to,
      to: message.from,
      body: keyword === 'opt-out' ? OPT_OUT_CONFIRMATION : OPT_IN_CONFIRMATION,
      direction: 'outbound-reply',
    },
    { statusCallback: undefined, statusCallbackMethod: 'POST', personReacts: false },
  );
}

function sendReplies(context: SimulatorContext, account: SimulatorAccount, incoming: MessageRecord, twiml: string): void {
  let parsed: ReturnType<typeof messagingReplies>;
  try {
    parsed = messagingReplies(twiml);
  } catch (error) {
    if (!(error instanceof TwimlError)) throw error;
    context.log({ level: 'error', message: `messaging TwiML rejected: ${error.message}`, code: error.code, messageSid: incoming.sid });
    return;
  }
  for (const verb of parsed.unsupported) {
    context.log({ level: 'warn', message: `<${verb}> in messaging TwiML is not run by the simulator`, messageSid: incoming.sid });
  }
  for (const reply of parsed.replies) {
    try {
      sendServiceMessage(context, {
        account,
        from: reply.from ?? incoming.to,
        to: reply.to ?? incoming.from,
        body: reply.body,
        direction: 'outbound-reply',
        statusCallback: reply.statusCallback,
        statusCallbackMethod: reply.statusCallbackMethod,
      });
    } catch (error) {
      if (!(error instanceof TwilioApiError)) throw error;
      context.log({ level: 'warn', message: `TwiML <Message> reply refused: ${error.message}`, code: error.code, messageSid: incoming.sid });
    }
  }
}

/** The parameters Twilio posts to a number's SmsUrl for an incoming message. */
function incomingMessageParams(message: MessageRecord): Record<string, string> {
  return {
    AccountSid: message.accountSid,
    ApiVersion: '2010-04-01',
    MessageSid: message.sid,
    SmsSid: message.sid,
    SmsMessageSid: message.sid,
    From: message.from,
    To: message.to,
    Body: message.body,
    NumMedia: '0',
    NumSegments: String(message.numSegments),
    SmsStatus: 'received',
  };
}
