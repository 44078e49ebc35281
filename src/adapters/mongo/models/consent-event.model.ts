import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/**
 * The consent and opt-out ledger: one append-only list of events per phone number, across
 * channels and campaigns. An opt-out is honoured forever, until the person opts back in.
 */
const consentEventSchema = new Schema(
  {
    eventKey: { type: String, required: true, unique: true },
    phone: { type: String, required: true },
    kind: { type: String, required: true, enum: ['opt-out', 'opt-in', 'artificial-voice-consent', 'artificial-voice-revoked'] },
    channel: { type: String, required: true, enum: ['sms', 'voice', 'all'] },
    source: { type: String, required: true },
    /** Where the consumer's own consent is kept (a signed form, a recorded call): what lets an operator lift an opt-out. */
    evidenceRef: { type: String },
    at: { type: Date, required: true },
  },
  { collection: 'consent_events', versionKey: false },
);
consentEventSchema.index({ phone: 1, at: 1 });

export type ConsentEventDoc = InferSchemaType<typeof consentEventSchema>;

export function consentEventModel(connection: Connection): Model<ConsentEventDoc> {
  return connection.model<ConsentEventDoc>('ConsentEvent', consentEventSchema);
}
