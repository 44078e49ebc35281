import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/**
 * One outbound contact (SMS or call). The intent is written under its attempt key before the
 * provider is called, and the provider's SID after: a retried activity finds the row and never
 * sends twice (Twilio's REST API has no idempotency key of its own).
 */
const contactAttemptSchema = new Schema(
  {
    attemptKey: { type: String, required: true, unique: true },
    workflowId: { type: String, required: true },
    campaignId: { type: String, required: true },
    campaignVersion: { type: Number, required: true },
    stepId: { type: String, required: true },
    channel: { type: String, required: true, enum: ['sms', 'voice'] },
    to: { type: String, required: true },
    purpose: { type: String, required: true },
    state: { type: String, required: true, enum: ['intent', 'sent', 'failed'] },
    providerSid: { type: String },
    providerStatus: { type: String },
    errorCode: { type: String },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'contact_attempts', versionKey: false },
);
contactAttemptSchema.index({ workflowId: 1, createdAt: 1 });
contactAttemptSchema.index({ providerSid: 1 }, { sparse: true });
contactAttemptSchema.index({ createdAt: 1 });

export type ContactAttemptDoc = InferSchemaType<typeof contactAttemptSchema>;

export function contactAttemptModel(connection: Connection): Model<ContactAttemptDoc> {
  return connection.model<ContactAttemptDoc>('ContactAttempt', contactAttemptSchema);
}
