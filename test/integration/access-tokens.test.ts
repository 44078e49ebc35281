import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { startCollectionsStack, type CollectionsStack } from '../support/collections-stack';
import { bearer, call } from '../support/api-calls';

// An identity provider of our own on 127.0.0.1: its discovery document and JWKS over HTTP, as a
// real issuer serves them, so the service finds and fetches the keys itself.

describe('bearer tokens from an OIDC issuer, and rate limits', () => {
  let issuerServer: Server;
  let issuer: string;
  let signingKey: CryptoKey;
  let stack: CollectionsStack;
  let url: string;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    signingKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
    issuerServer = createServer((request, response) => {
      response.setHeader('content-type', 'application/json');
      if (request.url === '/.well-known/openid-configuration') return response.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/keys` }));
      if (request.url === '/keys') return response.end(JSON.stringify({ keys: [jwk] }));
      response.statusCode = 404;
      response.end('{}');
    });
    await new Promise<void>((resolve) => issuerServer.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(issuerServer.address() as AddressInfo).port}`;
    stack = await startCollectionsStack('access-tokens', {
      worker: false,
      env: { OIDC_ISSUER: issuer, OIDC_AUDIENCE: 'parley-api', RATE_LIMIT_API_PER_MINUTE: '5', RATE_LIMIT_PAY_PER_IP_PER_MINUTE: '3' },
    });
    url = stack.service.httpUrl!;
  });
  afterAll(async () => {
    await stack?.stop();
    issuerServer?.close();
  });

  const token = (claims: Record<string, unknown>, options: { subject?: string; audience?: string; expires?: string; key?: CryptoKey } = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
      .setIssuer(issuer)
      .setAudience(options.audience ?? 'parley-api')
      .setSubject(options.subject ?? 'alice')
      .setIssuedAt()
      .setExpirationTime(options.expires ?? '5m')
      .sign(options.key ?? signingKey);

  it("when a token from the issuer carries a role, then it opens that role's routes and no others, naming the subject", async () => {
    const operator = await token({ parley_role: 'operator' }, { subject: 'alice' });
    expect((await call(url, 'GET', '/openapi.json', undefined, bearer(operator))).status).toBe(200);
    const refused = await call(url, 'POST', '/campaigns/validate', { id: 'x' }, bearer(operator));
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('oidc:alice has operator');
    // A list of roles counts as its highest.
    const listed = await token({ parley_role: ['auditor', 'admin'] }, { subject: 'dana' });
    expect((await call(url, 'POST', '/campaigns/validate', { id: 'x' }, bearer(listed))).status).not.toBe(403);
  });

  it('when a token is for another audience, expired, signed by another key or carries no role, then it is refused with 401 saying why', async () => {
    const stranger = (await generateKeyPair('RS256')).privateKey;
    const cases = {
      audience: [await token({ parley_role: 'admin' }, { audience: 'someone-else' }), 'aud'],
      expired: [await token({ parley_role: 'admin' }, { expires: '-1m' }), 'exp'],
      signer: [await token({ parley_role: 'admin' }, { key: stranger }), 'signature'],
      role: [await token({ groups: ['admins'] }), "no Parley role in its 'parley_role' claim"],
    };
    for (const [what, [credential, reason]] of Object.entries(cases)) {
      const response = await call(url, 'GET', '/openapi.json', undefined, bearer(credential));
      expect({ what, status: response.status }).toEqual({ what, status: 401 });
      expect(response.body.message, what).toContain(reason);
    }
  });

  it('when one caller goes over its limit, then it gets 429 with Retry-After and another caller is not held back', async () => {
    const busy = await token({ parley_role: 'auditor' }, { subject: 'busy-bot' });
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await call(url, 'GET', '/openapi.json', undefined, bearer(busy))).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await fetch(`${url}/openapi.json`, { headers: bearer(busy) });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited.json()) as { message: string }).message).toContain('at most 5 a minute');
    const other = await token({ parley_role: 'auditor' }, { subject: 'calm-person' });
    expect((await call(url, 'GET', '/openapi.json', undefined, bearer(other))).status).toBe(200);
  });

  it('when one address keeps opening payment links, then the payment page answers 429 after its limit', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await call(url, 'GET', `/pay/guess-${i}`, undefined, { authorization: '' })).status);
    expect(statuses.slice(0, 3)).not.toContain(429);
    expect(statuses[3]).toBe(429);
  });
});
