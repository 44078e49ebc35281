import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/** An API key as stored: never the key itself, only its SHA-256 (see src/auth/api-keys.ts). */
const apiKeySchema = new Schema(
  {
    keyId: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    role: { type: String, required: true },
    secretHash: { type: String, required: true },
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
    lastUsedAt: { type: Date },
    revokedAt: { type: Date },
  },
  { collection: 'api_keys', versionKey: false },
);

export type ApiKey = InferSchemaType<typeof apiKeySchema>;

export function apiKeyModel(connection: Connection): Model<ApiKey> {
  return connection.model<ApiKey>('ApiKey', apiKeySchema);
}
