import { condition, ActivityFailure, ApplicationFailure } from '@temporalio/workflow';
import type { OutreachContext } from './outreach-context';
import type { AttemptOutcome, ContactChannel, SmsDeliveryStatus } from './outreach-state';
import { smsSender } from './outreach-activities';
import { whyOf } from './contact-reasons';

// One contact attempt, recorded under its attempt key; for a text, sent idempotently (the send
// activity looks the key up before it sends again) and followed by Twilio's delivery report.

const smsDeliveryWait = '15 minutes';

export interface SmsAttempt {
  attemptKey: string;
  stepId: string;
  purpose: string;
  /** The rendered text; a payment-link marker in it is replaced by the send activity. */
  body: string;
}

/**
 * Records an attempt in the state and the audit log. The audit entry is dated when the contact
 * began (`startedAt`: a call is recorded when it ends) and says why it was made then, when the
 * cadence or a follow-up made it (contact-reasons.ts).
 */
export function recordAttempt(
  ctx: OutreachContext,
  attempt: { attemptKey: string; stepId: string; channel: ContactChannel; purpose: string; outcome: AttemptOutcome; providerSid?: string; startedAt?: number },
): void {
  const { state } = ctx;
  const { providerSid, startedAt, ...audited } = attempt;
  state.attempts.push({ ...audited, at: Date.now(), campaignVersion: state.campaignVersion, providerSid });
  const why = whyOf(ctx, attempt.attemptKey);
  ctx.trail.audit('contact-attempt', { ...audited, ...(why ? { why } : {}) }, startedAt);
}

/** Whether anything was said to the person yet: the first communication carries the fuller disclosure. */
export function firstCommunication(ctx: OutreachContext): boolean {
  return !ctx.state.attempts.some((a) => a.outcome !== 'skipped-opted-out');
}

/** Sends one text under its attempt key and waits (briefly) for Twilio's delivery report. */
export async function sendSmsAttempt(ctx: OutreachContext, sms: SmsAttempt): Promise<AttemptOutcome> {
  const { attemptKey, stepId, purpose } = sms;
  const startedAt = Date.now();
  const record = (outcome: AttemptOutcome, providerSid?: string) => {
    recordAttempt(ctx, { attemptKey, stepId, channel: 'sms', purpose, outcome, providerSid, startedAt });
    return outcome;
  };
  let sent: { sid: string };
  try {
    sent = await smsSender(ctx.queues.sms).sendSms({
      attemptKey,
      workflowId: ctx.workflowId,
      campaignId: ctx.campaignId,
      campaignVersion: ctx.state.campaignVersion,
      stepId,
      purpose,
      to: ctx.person.phone,
      body: sms.body,
    });
  } catch (err) {
    const type = err instanceof ActivityFailure && err.cause instanceof ApplicationFailure ? err.cause.type : undefined;
    if (type === 'ContactNotAllowed') {
      ctx.state.optedOut.sms = true;
      return record('skipped-opted-out');
    }
    if (type !== 'SmsRejected') throw err;
    return record('failed');
  }
  await condition(() => isFinal(ctx.deliveries.get(attemptKey)), smsDeliveryWait);
  const delivery = ctx.deliveries.get(attemptKey);
  ctx.deliveries.clear(); // late reports of earlier attempts no longer matter
  return record(deliveryOutcome(delivery), sent.sid);
}

function isFinal(status: SmsDeliveryStatus | undefined): boolean {
  return status?.status === 'delivered' || status?.status === 'undelivered' || status?.status === 'failed';
}

function deliveryOutcome(delivery: SmsDeliveryStatus | undefined): AttemptOutcome {
  if (delivery?.status === 'delivered') return 'delivered';
  if (delivery?.status === 'undelivered' || delivery?.status === 'failed') return 'undelivered';
  return 'sent';
}
