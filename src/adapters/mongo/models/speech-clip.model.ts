import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/**
 * One synthesized reply, served to Twilio's <Play> at /audio/:clipId. Audio stays here, never in
 * workflow payloads (Temporal's 2 MB limit). `key` is the caller's idempotency key (a retry finds
 * the first clip); `clipId` is random, so the public URL cannot be guessed from a call's ids.
 * Clips are capped in size by the activity (speech.activities.ts).
 */
const speechClipSchema = new Schema(
  {
    clipId: { type: String, required: true, unique: true },
    key: { type: String, required: true, unique: true },
    language: { type: String, required: true },
    engine: { type: String, required: true },
    contentType: { type: String, required: true },
    audio: { type: Buffer, required: true },
    bytes: { type: Number, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'speech_clips', versionKey: false },
);
speechClipSchema.index({ createdAt: 1 });

export type SpeechClip = InferSchemaType<typeof speechClipSchema>;

export function speechClipModel(connection: Connection): Model<SpeechClip> {
  return connection.model<SpeechClip>('SpeechClip', speechClipSchema);
}
