import { AppError } from '../errors/app-error';
import { askWorkflow } from './workflow-errors';
import type { UseCaseDeps } from './use-case-deps';

export interface PaymentToRecord {
  workflowId: string;
  /** The provider's id: a payment reported twice is recorded once. */
  paymentId: string;
  /** Positive whole number of minor units (cents). */
  amountMinor: number;
  currency: string;
  provider: string;
  /** Epoch ms when the provider took the payment. */
  at: number;
  /** A payment an operator or agent recorded: who. */
  actor?: string;
}

/**
 * Records a payment once and tells the debtor's workflow. A repeat (the provider retrying its
 * webhook, an operator pressing twice) writes nothing and signals again, which the workflow
 * ignores by paymentId: so a signal lost after the write is delivered by the repeat.
 */
export async function recordPayment(deps: UseCaseDeps, payment: PaymentToRecord): Promise<{ paymentId: string; duplicate: boolean }> {
  if (!Number.isSafeInteger(payment.amountMinor) || payment.amountMinor <= 0) {
    throw new AppError('invalid_amount', 'amountMinor: must be a positive whole number of minor units', 400, [
      { path: 'amountMinor', message: 'must be a positive whole number of minor units' },
    ]);
  }
  const debtor = await deps.mongo.repositories.debtors.byWorkflowId(payment.workflowId);
  if (!debtor) throw new AppError('not_found', `no debtor account ${payment.workflowId}`, 404);
  if (payment.currency !== debtor.currency) {
    const reason = `is ${payment.currency}, but the account is in ${debtor.currency}`;
    throw new AppError('currency_mismatch', `currency: ${reason}`, 422, [{ path: 'currency', message: reason }]);
  }

  const duplicate = !(await deps.mongo.repositories.payments.insertOnce({
    paymentId: payment.paymentId,
    workflowId: payment.workflowId,
    amountMinor: payment.amountMinor,
    currency: payment.currency,
    provider: payment.provider,
    receivedAt: new Date(payment.at),
    ...(payment.actor ? { recordedBy: payment.actor } : {}),
  }));
  if (duplicate) await sameAsStored(deps, payment);
  await askWorkflow(() =>
    deps.gateway.paymentReceived(payment.workflowId, {
      paymentId: payment.paymentId,
      amountMinor: payment.amountMinor,
      at: payment.at,
      ...(payment.actor ? { actor: payment.actor } : {}),
    }),
  );
  return { paymentId: payment.paymentId, duplicate };
}

/** A payment id reused for another account or amount is a provider bug, not a repeat. */
async function sameAsStored(deps: UseCaseDeps, payment: PaymentToRecord): Promise<void> {
  const stored = await deps.mongo.repositories.payments.byPaymentId(payment.paymentId);
  if (stored && (stored.workflowId !== payment.workflowId || stored.amountMinor !== payment.amountMinor)) {
    throw new AppError(
      'payment_id_reused',
      `payment ${payment.paymentId} was already recorded for another account or amount (${stored.workflowId}, ${stored.amountMinor})`,
      409,
      [{ path: 'paymentId', message: 'was already recorded for another account or amount' }],
    );
  }
}
