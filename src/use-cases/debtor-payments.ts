import { findDebtor, type DebtorRef } from './debtors';
import type { UseCaseDeps } from './use-case-deps';

// The payments recorded against one account, as the payment records hold them (provider
// webhooks, payment pages, operators), not as the workflow counted them.

export interface DebtorPayment {
  paymentId: string;
  /** Whole minor units (cents) in `currency`. */
  amountMinor: number;
  currency: string;
  /** `manual` for one an operator or agent recorded. */
  provider: string;
  recordedBy?: string;
  receivedAt: Date;
}

export async function debtorPayments(deps: UseCaseDeps, ref: DebtorRef, query: { limit: number }): Promise<{ payments: DebtorPayment[] }> {
  const debtor = await findDebtor(deps, ref);
  const found = await deps.mongo.repositories.payments.ofWorkflow(debtor.workflowId, query.limit);
  return {
    payments: found.map((payment) => ({
      paymentId: payment.paymentId,
      amountMinor: payment.amountMinor,
      currency: payment.currency,
      provider: payment.provider,
      ...(payment.recordedBy ? { recordedBy: payment.recordedBy } : {}),
      receivedAt: payment.receivedAt,
    })),
  };
}
