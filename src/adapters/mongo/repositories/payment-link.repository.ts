import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import type { Models } from '../models';
import type { PaymentCheckoutDoc } from '../models/payment-link.model';
import { storeOnceUnder } from '../duplicate-key';

export type PaymentCheckout = Omit<PaymentCheckoutDoc, 'createdAt'>;

/** Payment links' nonces (which link is still good) and the checkouts started on their pages. */
export function createPaymentLinkRepository({ paymentLinks, paymentCheckouts }: Pick<Models, 'paymentLinks' | 'paymentCheckouts'>) {
  return {
    /**
     * The nonce of the link texted under `attemptKey`, stored now if it is new, and every older
     * link of the account superseded. A retry gets the same nonce and supersedes nothing newer.
     */
    async issue(link: { attemptKey: string; workflowId: string; issuedAt: Date }): Promise<string> {
      const stored = await storeOnceUnder(paymentLinks, { attemptKey: link.attemptKey }, { ...link, nonce: randomBytes(18).toString('base64url') });
      await paymentLinks.updateMany(
        // trusted: our own operator on a Date; sanitizeFilter would make it a literal. null matches "not yet".
        { workflowId: link.workflowId, issuedAt: mongoose.trusted({ $lt: stored.issuedAt }), supersededAt: null },
        { $set: { supersededAt: new Date() } },
      );
      return stored.nonce;
    },

    byNonce: (nonce: string) => paymentLinks.findOne({ nonce }).lean(),

    /** The checkout under this key: the one stored now, or the first one when the key was used before. */
    claimCheckout: (checkout: PaymentCheckout) =>
      storeOnceUnder<PaymentCheckoutDoc>(paymentCheckouts, { idempotencyKey: checkout.idempotencyKey }, { ...checkout, createdAt: new Date() }),

    checkoutByKey: (idempotencyKey: string) => paymentCheckouts.findOne({ idempotencyKey }).lean<PaymentCheckoutDoc>(),
  };
}
