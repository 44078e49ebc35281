import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/**
 * Each payment link texted, by its nonce; one per text (attempt key), so a retried send mints the
 * same link. A newer link for the account supersedes every older one.
 */
const paymentLinkSchema = new Schema(
  {
    nonce: { type: String, required: true, unique: true },
    attemptKey: { type: String, required: true, unique: true },
    workflowId: { type: String, required: true },
    issuedAt: { type: Date, required: true },
    supersededAt: { type: Date },
  },
  { collection: 'payment_links', versionKey: false },
);
paymentLinkSchema.index({ workflowId: 1, issuedAt: 1 });

/** A payment started on a link's page, under the idempotency key the page was rendered with. */
const paymentCheckoutSchema = new Schema(
  {
    idempotencyKey: { type: String, required: true, unique: true },
    nonce: { type: String, required: true },
    workflowId: { type: String, required: true },
    amountMinor: { type: Number, required: true, min: 1 },
    currency: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'payment_checkouts', versionKey: false },
);

export type PaymentLinkDoc = InferSchemaType<typeof paymentLinkSchema>;
export type PaymentCheckoutDoc = InferSchemaType<typeof paymentCheckoutSchema>;

export function paymentLinkModel(connection: Connection): Model<PaymentLinkDoc> {
  return connection.model<PaymentLinkDoc>('PaymentLink', paymentLinkSchema);
}

export function paymentCheckoutModel(connection: Connection): Model<PaymentCheckoutDoc> {
  return connection.model<PaymentCheckoutDoc>('PaymentCheckout', paymentCheckoutSchema);
}
