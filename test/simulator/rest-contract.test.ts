import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TwilioSimulator } from '../../src/simulator';
import {
  ACCOUNT,
  SERVICE_NUMBER,
  type WebhookReceiver,
  restClientFor,
  startReceiver,
  startTestSimulator,
  twiml,
} from './simulator-fixtures';

const PAYER = '+15551230001';
const UNSUBSCRIBED = '+15559990001';
const LANDLINE = '+15559990002';
const CHINA_MOBILE = '+8613800138000';

let receiver: WebhookReceiver;
let simulator: TwilioSimulator;

beforeAll(async () => {
  receiver = await startReceiver();
  simulator = await startTestSimulator(receiver, {
    blockedNumbers: [
      { phone: UNSUBSCRIBED, reason: 'unsubscribed' },
      { phone: LANDLINE, reason: 'not-mobile' },
      { phone: '+86*', reason: 'geo-permission' },
    ],
  });
  simulator.people.assign(PAYER, 'promiser');
  receiver.on('/voice', () => twiml('<Say>Hello from the service.</Say>'));
});

afterAll(async () => {
  await simulator.close();
  await receiver.close();
});

/** Runs `action` and returns the RestException the twilio client threw. */
async function restError(action: () => Promise<unknown>): Promise<{ status: number; code: number; message: string }> {
  try {
    await action();
  } catch (error) {
    return error as { status: number; code: number; message: string };
  }
  throw new Error('expected the request to fail');
}

describe('Messages resource through the official twilio client', () => {
  it('When the service sends a message, then it gets a queued Message with Twilio fields and the status callbacks follow in order', async () => {
    const client = restClientFor(simulator);
    const message = await client.messages.create({
      to: PAYER,
      from: SERVICE_NUMBER,
      body: 'Your statement is ready.',
      statusCallback: receiver.url('/message-status'),
    });

    expect(message.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(message).toMatchObject({
      accountSid: ACCOUNT.sid,
      to: PAYER,
      from: SERVICE_NUMBER,
      body: 'Your statement is ready.',
      status: 'queued',
      direction: 'outbound-api',
      numSegments: '1',
      errorCode: null,
      apiVersion: '2010-04-01',
      uri: `/2010-04-01/Accounts/${ACCOUNT.sid}/Messages/${message.sid}.json`,
    });
    expect(message.dateCreated).toBeInstanceOf(Date);

    await simulator.store.waitForMessageSettled(message.sid);
    const callbacks = receiver.received('/message-status').filter((hook) => hook.params.MessageSid === message.sid);
    expect(callbacks.map((hook) => hook.params.MessageStatus)).toEqual(['queued', 'sent', 'delivered']);
    expect(callbacks[2]!.params).toMatchObject({ SmsSid: message.sid, AccountSid: ACCOUNT.sid, To: PAYER, From: SERVICE_NUMBER });

    const fetched = await client.messages(message.sid).fetch();
    expect(fetched.status).toBe('delivered');
    expect(fetched.dateSent).toBeInstanceOf(Date);
    expect(fetched.price).toBe('-0.00790');
  });

  it('When a handset is unreachable, then the last callback is undelivered with ErrorCode 30003', async () => {
    const phone = '+15551230077';
    simulator.people.assign(phone, { description: 'phone off', answers: 'nobody', sms: { on: 'ignore', delivery: 'undelivered' } });
    const message = await restClientFor(simulator).messages.create({
      to: phone,
      from: SERVICE_NUMBER,
      body: 'Hello',
      statusCallback: receiver.url('/undelivered-status'),
    });
    await simulator.store.waitForMessageSettled(message.sid);
    const callbacks = receiver.received('/undelivered-status');
    expect(callbacks.map((hook) => hook.params.MessageStatus)).toEqual(['queued', 'sent', 'undelivered']);
    expect(callbacks[2]!.params.ErrorCode).toBe('30003');
  });

  it('When messages are listed a page at a time, then the client follows next_page_uri to get them all, newest first', async () => {
    const phone = '+15551230088';
    const client = restClientFor(simulator);
    const sent = [];
    for (const body of ['first', 'second', 'third']) sent.push(await client.messages.create({ to: phone, from: SERVICE_NUMBER, body }));

    const listed = await client.messages.list({ to: phone, pageSize: 2 });

    expect(listed.map((m) => m.body)).toEqual(['third', 'second', 'first']);
    expect(listed[0]!.sid).toBe(sent[2]!.sid);
  });

  it('When the To number is not a phone number, then Twilio answers 400 with code 21211', async () => {
    const error = await restError(() =>
      restClientFor(simulator).messages.create({ to: '+1555', from: SERVICE_NUMBER, body: 'x' }),
    );
    expect(error).toMatchObject({ status: 400, code: 21211, message: "The 'To' number +1555 is not a valid phone number." });
  });

  it('When the recipient is unsubscribed or a landline, then Twilio answers 21610 or 21614', async () => {
    const client = restClientFor(simulator);
    const unsubscribed = await restError(() => client.messages.create({ to: UNSUBSCRIBED, from: SERVICE_NUMBER, body: 'x' }));
    const landline = await restError(() => client.messages.create({ to: LANDLINE, from: SERVICE_NUMBER, body: 'x' }));
    expect(unsubscribed).toMatchObject({ status: 400, code: 21610 });
    expect(landline).toMatchObject({ status: 400, code: 21614 });
  });

  it('When the From number is not one of the account numbers, then Twilio answers 21606', async () => {
    const error = await restError(() => restClientFor(simulator).messages.create({ to: PAYER, from: '+15550009999', body: 'x' }));
    expect(error).toMatchObject({ status: 400, code: 21606 });
  });

  it('When To or From is missing, then Twilio answers 21604 or 21603', async () => {
    // The official client refuses to send these requests, so they are posted by hand.
    const post = (form: Record<string, string>) =>
      fetch(`${simulator.url}/2010-04-01/Accounts/${ACCOUNT.sid}/Messages.json`, {
        method: 'POST',
        headers: {
          Authorization: `Basic ${Buffer.from(`${ACCOUNT.sid}:${ACCOUNT.authToken}`).toString('base64')}`,
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams(form).toString(),
      });
    const noTo = await post({ From: SERVICE_NUMBER, Body: 'x' });
    const noFrom = await post({ To: PAYER, Body: 'x' });
    expect(noTo.status).toBe(400);
    expect(await noTo.json()).toMatchObject({ code: 21604, status: 400, more_info: 'https://www.twilio.com/docs/errors/21604' });
    expect(await noFrom.json()).toMatchObject({ code: 21603 });
  });

  it('When the auth token is wrong, then Twilio answers 401 with code 20003', async () => {
    const error = await restError(() =>
      restClientFor(simulator, 'wrong-token').messages.create({ to: PAYER, from: SERVICE_NUMBER, body: 'x' }),
    );
    expect(error).toMatchObject({ status: 401, code: 20003 });
  });

  it('When a message that does not exist is fetched, then Twilio answers 404 with code 20404', async () => {
    const error = await restError(() => restClientFor(simulator).messages(`SM${'0'.repeat(32)}`).fetch());
    expect(error).toMatchObject({ status: 404, code: 20404 });
  });
});

describe('Calls resource through the official twilio client', () => {
  it('When the service places a call, then it gets a queued Call and the requested status callbacks in order', async () => {
    const client = restClientFor(simulator);
    const call = await client.calls.create({
      to: PAYER,
      from: SERVICE_NUMBER,
      url: receiver.url('/voice'),
      statusCallback: receiver.url('/call-status'),
      statusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'],
    });

    expect(call.sid).toMatch(/^CA[0-9a-f]{32}$/);
    expect(call).toMatchObject({ status: 'queued', direction: 'outbound-api', to: PAYER, from: SERVICE_NUMBER, accountSid: ACCOUNT.sid });

    await simulator.store.waitForCallSettled(call.sid);
    const callbacks = receiver.received('/call-status').filter((hook) => hook.params.CallSid === call.sid);
    expect(callbacks.map((hook) => hook.params.CallStatus)).toEqual(['initiated', 'ringing', 'in-progress', 'completed']);
    expect(callbacks.map((hook) => hook.params.SequenceNumber)).toEqual(['0', '1', '2', '3']);
    expect(callbacks[3]!.params).toMatchObject({ Direction: 'outbound-api', ApiVersion: '2010-04-01', CallDuration: expect.stringMatching(/^\d+$/) });

    const fetched = await client.calls(call.sid).fetch();
    expect(fetched.status).toBe('completed');
    expect(fetched.startTime).toBeInstanceOf(Date);
    expect(fetched.endTime).toBeInstanceOf(Date);
    expect(Number(fetched.duration)).toBeGreaterThan(0);

    const listed = await client.calls.list({ to: PAYER });
    expect(listed.map((c) => c.sid)).toContain(call.sid);
  });

  it('When no StatusCallbackEvent is given, then only the final status is posted', async () => {
    const call = await restClientFor(simulator).calls.create({
      to: PAYER,
      from: SERVICE_NUMBER,
      url: receiver.url('/voice'),
      statusCallback: receiver.url('/final-only'),
    });
    await simulator.store.waitForCallSettled(call.sid);
    expect(receiver.received('/final-only').map((hook) => hook.params.CallStatus)).toEqual(['completed']);
  });

  it('When a call is redirected while its TwiML is being fetched, then it runs the new TwiML instead', async () => {
    let releaseSlowAnswer!: () => void;
    receiver.on('/slow-voice', () => new Promise<string>((resolve) => (releaseSlowAnswer = () => resolve(twiml('<Say>Too late.</Say>')))));
    receiver.on('/redirected', () => twiml('<Say>You were redirected.</Say>'));
    const client = restClientFor(simulator);
    const call = await client.calls.create({ to: PAYER, from: SERVICE_NUMBER, url: receiver.url('/slow-voice') });
    await receiver.nextRequest('/slow-voice', (hook) => hook.params.CallSid === call.sid);

    const updated = await client.calls(call.sid).update({ url: receiver.url('/redirected'), method: 'POST' });
    const ended = await simulator.store.waitForCallSettled(call.sid);
    releaseSlowAnswer();

    expect(updated.sid).toBe(call.sid);
    const said = ended.transcript.flatMap((entry) => (entry.kind === 'service-said' ? [entry.text] : []));
    expect(said).toEqual(['You were redirected.']);
  });

  it('When a call in progress is updated to completed, then it hangs up at once and the answer says completed', async () => {
    let release!: () => void;
    receiver.on('/held', () => new Promise<string>((resolve) => (release = () => resolve(twiml('<Say>Never heard.</Say>')))));
    const client = restClientFor(simulator);
    const call = await client.calls.create({ to: PAYER, from: SERVICE_NUMBER, url: receiver.url('/held') });
    await receiver.nextRequest('/held', (hook) => hook.params.CallSid === call.sid);

    const updated = await client.calls(call.sid).update({ status: 'completed' });
    release();

    expect(updated.status).toBe('completed');
    const ended = await simulator.store.waitForCallSettled(call.sid);
    expect(ended.transcript).toContainEqual(expect.objectContaining({ kind: 'hangup', by: 'api' }));
  });

  it('When a finished call is redirected, then Twilio answers 21220', async () => {
    const client = restClientFor(simulator);
    const call = await client.calls.create({ to: PAYER, from: SERVICE_NUMBER, url: receiver.url('/voice') });
    await simulator.store.waitForCallSettled(call.sid);
    const error = await restError(() => client.calls(call.sid).update({ url: receiver.url('/voice') }));
    expect(error).toMatchObject({ status: 400, code: 21220 });
  });

  it('When the destination is outside the geo permissions, then Twilio answers 21215', async () => {
    const error = await restError(() =>
      restClientFor(simulator).calls.create({ to: CHINA_MOBILE, from: SERVICE_NUMBER, url: receiver.url('/voice') }),
    );
    expect(error).toMatchObject({ status: 400, code: 21215 });
  });

  it('When the call has no Url and no Twiml, then Twilio answers 21205', async () => {
    const error = await restError(() => restClientFor(simulator).calls.create({ to: PAYER, from: SERVICE_NUMBER } as never));
    expect(error).toMatchObject({ status: 400, code: 21205 });
  });
});

describe('Calls per second limit', () => {
  it('When the account places calls faster than its limit, then the extra call gets 429 with code 20429', async () => {
    const limited = await startTestSimulator(receiver, { callsPerSecond: 1 });
    try {
      const client = restClientFor(limited);
      await client.calls.create({ to: PAYER, from: SERVICE_NUMBER, url: receiver.url('/voice') });
      const error = await restError(() => client.calls.create({ to: PAYER, from: SERVICE_NUMBER, url: receiver.url('/voice') }));
      expect(error).toMatchObject({ status: 429, code: 20429 });
    } finally {
      await limited.close();
    }
  });
});

describe('Cancelling a ringing call', () => {
  it('When a call that is still ringing is canceled, then it ends as canceled without being answered', async () => {
    // Real (scaled) ringing time, so that the call is still ringing when the update arrives.
    const ringing = await startTestSimulator(receiver, { delayScale: 0.05 });
    try {
      ringing.people.assign('+15551239999', { description: 'slow to pick up', answers: 'person', ringSeconds: 60 });
      const client = restClientFor(ringing);
      const call = await client.calls.create({ to: '+15551239999', from: SERVICE_NUMBER, url: receiver.url('/voice') });
      await ringing.store.waitFor(() => (ringing.store.call(call.sid)?.status === 'ringing' ? true : undefined));

      const updated = await client.calls(call.sid).update({ status: 'canceled' });

      expect(updated.status).toBe('canceled');
      expect((await ringing.store.waitForCallSettled(call.sid)).startTime).toBeNull();
    } finally {
      await ringing.close();
    }
  });
});
