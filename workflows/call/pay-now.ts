import { condition, getExternalWorkflowHandle } from '@temporalio/workflow';
import { confirmedArrangement } from '../../src/dialog/arrangement';
import { payLinkRequestedSignal } from '../debtor/debtor.messages';
import type { Call, PayNow } from './call-state';

// Paying during the call: once the caller agrees to pay now, the link is texted while they are on
// the line, and a payment the provider confirms meanwhile is confirmed to them in the next turn.

/** How long the turn after "I'm texting you the link" waits for the payment to come through. */
const paymentWaitOnCall = '30 seconds';

/** A payment the debtor workflow received while the call is live; counted once per payment id. */
export function onPaymentDuringCall(payNow: PayNow, payment: { paymentId: string; amountMinor: number }): void {
  if (payNow.paymentIds.has(payment.paymentId) || payment.amountMinor <= 0) return;
  payNow.paymentIds.add(payment.paymentId);
  payNow.paidMinor += payment.amountMinor;
}

/** The caller has the link in hand: the turn after it gives the payment a moment to come through. */
export async function waitForPaymentAfterLink(call: Call): Promise<void> {
  const { payNow } = call;
  if (!payNow.awaitingPayment) return;
  payNow.awaitingPayment = false;
  await condition(() => payNow.paidMinor > 0 || !payNow.linkSent, paymentWaitOnCall);
}

/** The debtor workflow owns texting (consent, idempotency, delivery): once pay-now is agreed, it sends the link. */
export function textPayLinkWhenAgreed(call: Call): void {
  const { payNow, input } = call;
  if (payNow.linkSent || confirmedArrangement(call.ctx.history)?.kind !== 'pay-now') return;
  payNow.linkSent = true;
  payNow.awaitingPayment = true;
  // Without a debtor workflow to ask (a call started on its own), the outcome still says pay now.
  const unsent = () => {
    payNow.linkSent = false;
  };
  call.writes.push(getExternalWorkflowHandle(input.debtorWorkflowId).signal(payLinkRequestedSignal, { callAttemptKey: input.attemptKey }).then(() => undefined, unsent));
}
