import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidTwilioSignature } from '../../src/adapters/twilio/twilio-signature';
import type { TwilioSimulator } from '../../src/simulator';
import {
  ACCOUNT,
  type ReceivedWebhook,
  type WebhookReceiver,
  placeCallAndWait,
  startReceiver,
  startTestSimulator,
  twiml,
} from './simulator-fixtures';

const PERSON = '+15551230001';

let receiver: WebhookReceiver;
let simulator: TwilioSimulator;

beforeAll(async () => {
  receiver = await startReceiver();
  simulator = await startTestSimulator(receiver, { webhookTimeoutMs: 300, webhookRetries: 1 });
  simulator.people.assign(PERSON, 'promiser');
  receiver.on('/voice', () => twiml('<Say>Hello.</Say>'));
});

afterAll(async () => {
  await simulator.close();
  await receiver.close();
});

function check(hook: ReceivedWebhook, overrides: Partial<Parameters<typeof isValidTwilioSignature>[0]> = {}): boolean {
  return isValidTwilioSignature({
    authToken: ACCOUNT.authToken,
    signature: hook.headers['x-twilio-signature'] as string | undefined,
    url: hook.url,
    params: hook.params,
    ...overrides,
  });
}

describe('X-Twilio-Signature on the simulator webhooks', () => {
  let voiceHook: ReceivedWebhook;

  beforeAll(async () => {
    const call = await placeCallAndWait(simulator, { to: PERSON, url: receiver.url('/voice') });
    voiceHook = await receiver.nextRequest('/voice', (hook) => hook.params.CallSid === call.sid);
  });

  it('When the service checks a webhook as sent, then the official validator accepts it', () => {
    expect(voiceHook.headers['x-twilio-signature']).toBeTruthy();
    expect(check(voiceHook)).toBe(true);
  });

  it('When a parameter was tampered with, then the signature is rejected', () => {
    expect(check(voiceHook, { params: { ...voiceHook.params, CallStatus: 'completed', From: '+15550000000' } })).toBe(false);
  });

  it('When the URL differs from the one Twilio requested, then the signature is rejected', () => {
    expect(check(voiceHook, { url: receiver.url('/other') })).toBe(false);
  });

  it('When the header is missing or the auth token is another, then the request is rejected', () => {
    expect(check(voiceHook, { signature: undefined })).toBe(false);
    expect(check(voiceHook, { authToken: 'another-token' })).toBe(false);
  });

  it('When the voice URL is requested with GET, then the parameters are in the signed query string', async () => {
    const call = await placeCallAndWait(simulator, { to: PERSON, url: receiver.url('/voice?campaign=7'), method: 'GET' });
    const hook = await receiver.nextRequest('/voice', (h) => h.method === 'GET' && h.url.includes(call.sid));
    expect(new URL(hook.url).searchParams.get('CallStatus')).toBe('in-progress');
    expect(check(hook, { params: {} })).toBe(true);
  });

  it('When a webhook is sent, then it carries an idempotency token and Twilio parameter names', () => {
    expect(voiceHook.headers['i-twilio-idempotency-token']).toMatch(/\S+/);
    expect(voiceHook.headers['content-type']).toContain('application/x-www-form-urlencoded');
    expect(Object.keys(voiceHook.params)).toEqual(
      expect.arrayContaining(['CallSid', 'AccountSid', 'From', 'To', 'CallStatus', 'Direction', 'ApiVersion']),
    );
  });
});

describe('Webhook retries and timeouts', () => {
  it('When the service answers 500 once, then the same request is retried with the same idempotency token', async () => {
    let attempts = 0;
    receiver.on('/flaky', () => (++attempts === 1 ? { status: 500 } : twiml('<Say>Second time lucky.</Say>')));
    const call = await placeCallAndWait(simulator, { to: PERSON, url: receiver.url('/flaky') });

    const hooks = receiver.received('/flaky').filter((hook) => hook.params.CallSid === call.sid);
    expect(hooks).toHaveLength(2);
    expect(hooks[0]!.headers['i-twilio-idempotency-token']).toBe(hooks[1]!.headers['i-twilio-idempotency-token']);
    expect(call.transcript).toContainEqual(expect.objectContaining({ kind: 'service-said', text: 'Second time lucky.' }));
  });

  it('When the service never answers in time, then after the retries the call ends with application error 11205', async () => {
    receiver.on('/stuck', () => new Promise<string>((resolve) => setTimeout(() => resolve(twiml('')), 1_000)));
    const call = await placeCallAndWait(simulator, {
      to: PERSON,
      url: receiver.url('/stuck'),
      statusCallback: receiver.url('/stuck-status'),
    });

    expect(receiver.received('/stuck').filter((hook) => hook.params.CallSid === call.sid)).toHaveLength(2);
    expect(call.errorCode).toBe(11205);
    expect(call.transcript).toContainEqual(expect.objectContaining({ kind: 'application-error', code: 11205 }));
    const final = await receiver.nextRequest('/stuck-status', (hook) => hook.params.CallSid === call.sid);
    expect(final.params).toMatchObject({ CallStatus: 'completed', ErrorCode: '11205' });
  });

  it('When the service answers 404, then it is not retried and the call ends with 11200', async () => {
    receiver.on('/missing', () => ({ status: 404 }));
    const call = await placeCallAndWait(simulator, { to: PERSON, url: receiver.url('/missing') });
    expect(receiver.received('/missing').filter((hook) => hook.params.CallSid === call.sid)).toHaveLength(1);
    expect(call.errorCode).toBe(11200);
    expect(simulator.store.logs()).toContainEqual(expect.objectContaining({ callSid: call.sid, code: 11200, level: 'error' }));
  });

  it('When the voice URL fails and a FallbackUrl is set, then the fallback runs with ErrorCode and ErrorUrl', async () => {
    receiver.on('/broken', () => ({ status: 503 }));
    receiver.on('/fallback', () => twiml('<Say>Fallback speaking.</Say>'));
    const call = await placeCallAndWait(simulator, { to: PERSON, url: receiver.url('/broken'), fallbackUrl: receiver.url('/fallback') });
    const hook = await receiver.nextRequest('/fallback', (h) => h.params.CallSid === call.sid);
    expect(hook.params).toMatchObject({ ErrorCode: '11200', ErrorUrl: receiver.url('/broken') });
    expect(call.transcript).toContainEqual(expect.objectContaining({ kind: 'service-said', text: 'Fallback speaking.' }));
  });
});
