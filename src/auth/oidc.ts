import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { isRole, roles, type Principal, type Role } from './roles';

// Bearer tokens from the company's identity provider. jose verifies them: it has no dependencies,
// follows the JOSE RFCs closely, caches and refreshes the issuer's JWKS itself, and is what
// @fastify/jwt would delegate the hard part to anyway (a fastify plugin would add nothing here,
// since API keys and tokens share one guard).

export interface OidcSettings {
  issuer: string;
  audience: string;
  /** Unset: the issuer's discovery document names it. */
  jwksUrl?: string;
  /** Where the role is in the token: a claim name, or a dotted path (`realm_access.roles`); a string or a list. */
  roleClaim: string;
}

export type TokenCheck = { ok: true; principal: Principal } | { ok: false; reason: string };

export function createOidcVerifier(settings: OidcSettings): (token: string) => Promise<TokenCheck> {
  let keys: Promise<ReturnType<typeof createRemoteJWKSet>> | undefined;
  const keySet = () => {
    keys ??= jwksUrlOf(settings).then((url) => createRemoteJWKSet(new URL(url)));
    // A failed discovery is tried again at the next request rather than remembered.
    keys.catch(() => (keys = undefined));
    return keys;
  };
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, await keySet(), { issuer: settings.issuer, audience: settings.audience }));
    } catch (err) {
      return { ok: false, reason: `the bearer token is not valid here (${(err as Error).message})` };
    }
    const role = highestRole(claimAt(payload, settings.roleClaim));
    if (!role) return { ok: false, reason: `the bearer token has no Parley role in its '${settings.roleClaim}' claim (one of ${roles.join(', ')})` };
    return { ok: true, principal: { role, actor: `oidc:${payload.sub ?? 'unknown'}`, limitKey: `oidc:${payload.sub ?? token.slice(-16)}` } };
  };
}

async function jwksUrlOf(settings: OidcSettings): Promise<string> {
  if (settings.jwksUrl) return settings.jwksUrl;
  const response = await fetch(`${settings.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`the issuer's discovery document answered HTTP ${response.status}`);
  const document = (await response.json()) as { jwks_uri?: string };
  if (!document.jwks_uri) throw new Error("the issuer's discovery document names no jwks_uri");
  return document.jwks_uri;
}

function claimAt(payload: JWTPayload, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), payload);
}

function highestRole(claim: unknown): Role | undefined {
  const values = (Array.isArray(claim) ? claim : [claim]).filter(isRole);
  return values.sort((a, b) => roles.indexOf(b) - roles.indexOf(a))[0];
}
