import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Repositories } from '../adapters/mongo/repositories';
import type { Principal, Role } from './roles';

// API keys: `parley_<id>_<secret>`. The id finds the record; only the secret's SHA-256 is stored,
// which is enough for a 256-bit random secret (a slow hash only protects guessable passwords).

const keyPattern = /^parley_([a-f0-9]{16})_([A-Za-z0-9_-]{43})$/;

export function looksLikeApiKey(token: string): boolean {
  return token.startsWith('parley_');
}

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Creates a key and returns it: the only time its secret exists outside the caller's hands. */
export async function createApiKey(
  repositories: Pick<Repositories, 'apiKeys'>,
  key: { name: string; role: Role; createdBy: string },
): Promise<{ keyId: string; apiKey: string }> {
  const keyId = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  await repositories.apiKeys.create({ keyId, name: key.name, role: key.role, secretHash: hashSecret(secret), createdAt: new Date(), createdBy: key.createdBy });
  return { keyId, apiKey: `parley_${keyId}_${secret}` };
}

/** The key's principal, or undefined for a malformed, unknown or revoked key (the caller cannot tell which). */
export async function verifyApiKey(repositories: Pick<Repositories, 'apiKeys'>, token: string, now = new Date()): Promise<Principal | undefined> {
  const match = keyPattern.exec(token);
  if (!match) return undefined;
  const [, keyId, secret] = match;
  const stored = await repositories.apiKeys.active(keyId);
  if (!stored) return undefined;
  const expected = Buffer.from(stored.secretHash, 'hex');
  const given = Buffer.from(hashSecret(secret), 'hex');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  // Last use to the minute is all a person reviewing keys needs; a write per request would not be.
  if (!stored.lastUsedAt || now.getTime() - stored.lastUsedAt.getTime() > 60_000) {
    void repositories.apiKeys.touched(keyId, now).catch(() => undefined);
  }
  return { role: stored.role as Role, actor: `key:${stored.name}`, limitKey: `key:${keyId}` };
}
