import mongoose, { type Model } from 'mongoose';
import type { ApiKey } from '../models/api-key.model';

export type NewApiKey = Omit<ApiKey, 'lastUsedAt' | 'revokedAt'>;

// trusted(): our own operator (sanitizeFilter would quote it).
const notRevoked = () => ({ revokedAt: mongoose.trusted({ $exists: false }) });

/** The API keys' records: created, looked up at each request, listed and revoked. */
export function createApiKeyRepository(apiKeys: Model<ApiKey>) {
  return {
    create: async (key: NewApiKey) => {
      await apiKeys.create(key);
    },

    /** A key that may still be used; a revoked one is as good as unknown. */
    active: (keyId: string) => apiKeys.findOne({ keyId, ...notRevoked() }).lean(),

    activeByName: (name: string) => apiKeys.findOne({ name, ...notRevoked() }).lean(),

    touched: async (keyId: string, at: Date) => {
      await apiKeys.updateOne({ keyId }, { $set: { lastUsedAt: at } });
    },

    list: () => apiKeys.find({}, { secretHash: 0 }).sort({ createdAt: 1 }).lean(),

    /** Revokes the active key with this id, else the one with this name; false when there is none. */
    revoke: async (idOrName: string, at: Date) => {
      for (const field of ['keyId', 'name'] as const) {
        const result = await apiKeys.updateOne({ [field]: idOrName, ...notRevoked() }, { $set: { revokedAt: at } });
        if (result.modifiedCount > 0) return true;
      }
      return false;
    },
  };
}
