import type { Model } from 'mongoose';
import type { PaymentDoc } from '../models/payment.model';
import { isDuplicateKeyError } from '../duplicate-key';

/** Payments as providers reported them, once per provider payment id. */
export function createPaymentRepository(payments: Model<PaymentDoc>) {
  return {
    /** True when this call wrote the payment; false when the unique paymentId index already held it. */
    async insertOnce(payment: PaymentDoc): Promise<boolean> {
      try {
        const result = await payments.updateOne({ paymentId: payment.paymentId }, { $setOnInsert: payment }, { upsert: true });
        return result.upsertedCount === 1;
      } catch (err) {
        // Two deliveries of the same payment raced to the upsert: the other one wrote it.
        if (isDuplicateKeyError(err)) return false;
        throw err;
      }
    },

    byPaymentId: (paymentId: string) => payments.findOne({ paymentId }).lean(),

    /** An account's payments, newest first, at most `limit`. */
    ofWorkflow: (workflowId: string, limit: number) => payments.find({ workflowId }).sort({ receivedAt: -1, _id: -1 }).limit(limit).lean(),
  };
}
