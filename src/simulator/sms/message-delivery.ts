import { type SimulatorContext } from '../context';
import type { SimulatorAccount } from '../options';
import type { MessageRecord, MessageStatus } from '../records';
import type { HttpMethod } from '../webhooks/webhook-sender';
import { reactToMessage } from './person-reactions';

// Simulated carrier timing: Twilio hands the message to the carrier within about a second, the
// handset acknowledges a couple of seconds later.
const SEND_AFTER_MS = 1_000;
const DELIVER_AFTER_MS = 2_000;
// US long-code SMS price per segment, negative as Twilio reports charges.
const PRICE_PER_SEGMENT = 0.0079;

// https://www.twilio.com/docs/errors/30003 and /30008
const DELIVERY_ERRORS = {
  undelivered: { code: 30003, message: 'Unreachable destination handset' },
  failed: { code: 30008, message: 'Unknown error' },
} as const;

export interface DeliveryOptions {
  statusCallback: string | undefined;
  statusCallbackMethod: HttpMethod;
  /** False for Twilio's own opt-out confirmations, which people do not answer. */
  personReacts: boolean;
}

/**
 * Moves a queued message through Twilio's statuses (queued, sent, then delivered or undelivered;
 * or failed), posting each to the StatusCallback, as the recipient persona's carrier decides.
 */
export async function deliverMessage(
  context: SimulatorContext,
  account: SimulatorAccount,
  sid: string,
  options: DeliveryOptions,
): Promise<void> {
  const { store, clock } = context;
  const recipient = context.people.at(store.message(sid)!.to);
  const outcome = recipient.persona.sms.delivery;
  const advance = async (status: MessageStatus, patch: Partial<MessageRecord> = {}) => {
    const message = store.updateMessage(sid, { status, ...patch });
    if (options.statusCallback) await postStatus(context, account, message, options);
  };

  await advance('queued');
  await clock.wait(SEND_AFTER_MS);
  if (outcome === 'failed') {
    await advance('failed', errorFields('failed'));
  } else {
    const segments = store.message(sid)!.numSegments;
    await advance('sent', { dateSent: new Date(), price: (-PRICE_PER_SEGMENT * segments).toFixed(5) });
    await clock.wait(DELIVER_AFTER_MS);
    await advance(outcome, outcome === 'undelivered' ? errorFields('undelivered') : {});
  }
  context.log({ level: 'info', message: `message to ${recipient.phone} ${outcome}`, messageSid: sid });
  store.markMessageSettled(sid);
  if (outcome === 'delivered' && options.personReacts) {
    context.tasks.run(`person ${recipient.phone} reacts`, () => reactToMessage(context, recipient, sid));
  }
}

function errorFields(outcome: keyof typeof DELIVERY_ERRORS): Partial<MessageRecord> {
  const { code, message } = DELIVERY_ERRORS[outcome];
  return { errorCode: code, errorMessage: message };
}

/** Twilio's message status callback parameters (both the Message* and the legacy Sms* names). */
async function postStatus(
  context: SimulatorContext,
  account: SimulatorAccount,
  message: MessageRecord,
  options: DeliveryOptions,
): Promise<void> {
  const params: Record<string, string> = {
    AccountSid: message.accountSid,
    ApiVersion: '2010-04-01',
    From: message.from,
    To: message.to,
    MessageSid: message.sid,
    SmsSid: message.sid,
    MessageStatus: message.status,
    SmsStatus: message.status,
  };
  if (message.errorCode !== null) params.ErrorCode = String(message.errorCode);
  const result = await context.webhooks.send(account.authToken, {
    url: options.statusCallback!,
    method: options.statusCallbackMethod,
    params,
    purpose: 'message-status-callback',
    messageSid: message.sid,
  });
  if (!result.ok) {
    context.log({ level: 'warn', message: result.reason, code: result.errorCode, messageSid: message.sid });
  }
}
