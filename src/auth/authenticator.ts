import { createHash } from 'node:crypto';
import type { Repositories } from '../adapters/mongo/repositories';
import { looksLikeApiKey, verifyApiKey } from './api-keys';
import { createOidcVerifier, type OidcSettings, type TokenCheck } from './oidc';
import type { Principal } from './roles';

/**
 * Reads a bearer credential: a Parley API key, or a token from the configured OIDC issuer. A key
 * found valid is trusted for `keyCacheMs` without asking the database again, so a revoked key stops
 * working within that time (and the API keeps answering key holders through a database blip).
 */
export function createAuthenticator(
  repositories: Pick<Repositories, 'apiKeys'>,
  oidc?: OidcSettings,
  keyCacheMs = 30_000,
): (credential: string) => Promise<TokenCheck> {
  const verifyToken = oidc && createOidcVerifier(oidc);
  const recent = new Map<string, { principal: Principal; until: number }>();
  return async (credential) => {
    if (looksLikeApiKey(credential)) {
      const id = createHash('sha256').update(credential).digest('hex');
      const cached = recent.get(id);
      if (cached && cached.until > Date.now()) return { ok: true, principal: cached.principal };
      recent.delete(id);
      const principal = await verifyApiKey(repositories, credential);
      if (!principal) return { ok: false, reason: 'the API key is not valid (unknown, revoked or mistyped)' };
      recent.set(id, { principal, until: Date.now() + keyCacheMs });
      return { ok: true, principal };
    }
    if (!verifyToken) return { ok: false, reason: 'not a Parley API key, and no OIDC issuer is configured for bearer tokens' };
    return verifyToken(credential);
  };
}
