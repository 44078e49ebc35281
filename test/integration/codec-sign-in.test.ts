import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devTemporalUiPrefix } from '../../src/http/access/route-access';
import { apiKeyFor, bearer, call } from '../support/api-calls';
import { startApiWithDevUi } from '../support/dev-ui-service';

// The Temporal Web UI of `parley dev`, served under the API so that its calls to /codec carry the
// sign-in cookie: a person who signed in reads decoded payloads, anyone else ciphertext.

describe('the codec, signed in from a browser', () => {
  let base: string;
  let stack: Awaited<ReturnType<typeof startApiWithDevUi>>;
  const keys: Record<'admin' | 'auditor' | 'agent', string> = { admin: '', auditor: '', agent: '' };

  beforeAll(async () => {
    stack = await startApiWithDevUi('codec-sign-in');
    base = stack.base;
    keys.admin = await apiKeyFor(stack.service, 'admin', 'codec-admin');
    keys.auditor = await apiKeyFor(stack.service, 'auditor', 'codec-auditor');
    keys.agent = await apiKeyFor(stack.service, 'agent', 'codec-agent');
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const signIn = (key: string, next = `${devTemporalUiPrefix}/namespaces/default/workflows`) =>
    fetch(`${base}/codec/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ key, next }).toString(),
    });
  const sealedProfile = async () => (await call(base, 'POST', '/codec/encode', { payloads: [{ metadata: { encoding: Buffer.from('json/plain').toString('base64') }, data: Buffer.from('{"fullName":"Quentin Marlowe"}').toString('base64') }] }, bearer(keys.admin))).body.payloads;

  it("when the dev UI is opened through the API, then it is served on the API's own origin and decodes through this codec", async () => {
    const page = await fetch(`${base}${devTemporalUiPrefix}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`${devTemporalUiPrefix}/_app/`);
    const settings = (await (await fetch(`${base}${devTemporalUiPrefix}/api/v1/settings`)).json()) as { Codec: { Endpoint: string } };
    expect(settings.Codec.Endpoint).toBe(`${base}/codec`);
  });

  it("when a browser signs in with an auditor's key, then its cookie alone decodes on the codec's routes, and without it the codec refuses", async () => {
    const sealed = await sealedProfile();
    expect(Buffer.from(sealed[0].data, 'base64').toString('latin1')).not.toContain('Quentin');
    expect((await call(base, 'POST', '/codec/decode', { payloads: sealed }, { authorization: '' })).status).toBe(401);

    const signedIn = await signIn(keys.auditor);
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe(`${devTemporalUiPrefix}/namespaces/default/workflows`);
    const cookie = signedIn.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^parley_session=[^;]+;/);
    for (const attribute of ['Path=/codec', 'HttpOnly', 'SameSite=Strict']) expect(cookie).toContain(attribute);
    const session = cookie.split(';')[0];

    const decoded = await call(base, 'POST', '/codec/decode', { payloads: sealed }, { authorization: '', cookie: session });
    expect(decoded.status).toBe(200);
    expect(Buffer.from(decoded.body.payloads[0].data, 'base64').toString()).toBe('{"fullName":"Quentin Marlowe"}');
    // The cookie opens the codec and nothing else.
    expect((await call(base, 'GET', '/campaigns/any', undefined, { authorization: '', cookie: session })).status).toBe(401);

    const signedOut = await fetch(`${base}/codec/sign-out`, { method: 'POST', headers: { cookie: session } });
    expect(signedOut.headers.get('set-cookie')).toMatch(/^parley_session=;.*Expires=Thu, 01 Jan 1970/);
  });

  it("when an agent's key, a wrong key or an outside address is given, then no session is made and no one is sent elsewhere", async () => {
    const agent = await signIn(keys.agent);
    expect(agent.status).toBe(403);
    expect(agent.headers.get('set-cookie')).toBeNull();
    expect(await agent.text()).toContain('key:codec-agent is agent');
    expect((await call(base, 'POST', '/codec/decode', { payloads: await sealedProfile() }, bearer(keys.agent))).status).toBe(403);

    const wrong = await signIn('parley_0123456789abcdef_not-the-secret');
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();

    const elsewhere = await signIn(keys.auditor, 'https://evil.example/steal');
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.headers.get('location')).toBeNull();
    expect(await elsewhere.text()).toContain('Signed in as key:codec-auditor');
  });
});
