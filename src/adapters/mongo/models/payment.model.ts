import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/** A payment as the provider reported it; the provider's id is unique, so a repeated webhook records nothing new. */
const paymentSchema = new Schema(
  {
    paymentId: { type: String, required: true, unique: true },
    workflowId: { type: String, required: true },
    amountMinor: { type: Number, required: true, min: 1 },
    currency: { type: String, required: true },
    provider: { type: String, required: true },
    /** An operator's or agent's payment: who recorded it. */
    recordedBy: { type: String },
    receivedAt: { type: Date, required: true },
  },
  { collection: 'payments', versionKey: false },
);
paymentSchema.index({ workflowId: 1, receivedAt: 1 });

export type PaymentDoc = InferSchemaType<typeof paymentSchema>;

export function paymentModel(connection: Connection): Model<PaymentDoc> {
  return connection.model<PaymentDoc>('Payment', paymentSchema);
}
