import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallRecord, MessageRecord, SimulatorEvent, TwilioSimulator } from '../../src/simulator';
import { SERVICE_NUMBER, type WebhookReceiver, restClientFor, startReceiver, startTestSimulator, twiml } from './simulator-fixtures';

const PHONE = '+15551237777';

let receiver: WebhookReceiver;
let simulator: TwilioSimulator;

beforeAll(async () => {
  receiver = await startReceiver();
  simulator = await startTestSimulator(receiver, {
    phoneNumbers: [{ phoneNumber: SERVICE_NUMBER, smsUrl: receiver.url('/sms'), voiceUrl: receiver.url('/inbound-voice') }],
  });
});

afterAll(async () => {
  await simulator.close();
  await receiver.close();
});

async function admin<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${simulator.url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

describe('Admin HTTP API under /_sim/', () => {
  it('When a persona is assigned over HTTP, then calls to that phone get it and the transcript is served turn by turn', async () => {
    const assigned = await admin('POST', '/_sim/people', { phone: PHONE, persona: 'disputer', identity: { name: 'Robin Hale' } });
    expect(assigned).toMatchObject({ status: 201, body: { phone: PHONE, persona: 'disputer', identity: { name: 'Robin Hale' } } });
    receiver.on('/admin-voice', () => twiml('<Gather input="speech" action="/admin-end"><Say>Is this Robin Hale?</Say></Gather>'));
    receiver.on('/admin-end', () => twiml('<Hangup/>'));

    const events: SimulatorEvent[] = [];
    const unsubscribe = simulator.onEvent((event) => events.push(event));
    const call = await restClientFor(simulator).calls.create({ to: PHONE, from: SERVICE_NUMBER, url: receiver.url('/admin-voice') });
    await simulator.store.waitForCallSettled(call.sid);
    unsubscribe();

    const listed = await admin<Array<{ sid: string }>>('GET', `/_sim/calls?phone=${encodeURIComponent(PHONE)}`);
    expect(listed.body.map((c) => c.sid)).toContain(call.sid);
    const detail = await admin<CallRecord>('GET', `/_sim/calls/${call.sid}`);
    expect(detail.body.transcript.map((entry) => entry.kind)).toEqual(
      expect.arrayContaining(['twiml-fetch', 'service-said', 'person-said', 'hangup']),
    );
    expect(detail.body.transcript).toContainEqual(expect.objectContaining({ kind: 'person-said', text: 'Yes, this is Robin Hale. What is this about?' }));
    expect(events.some((event) => event.type === 'call-transcript' && event.callSid === call.sid)).toBe(true);
  });

  it('When a person is made to text the service, then the SmsUrl gets it and the TwiML reply reaches the person', async () => {
    receiver.on('/sms', (hook) => (hook.params.Body === 'What do I owe?' ? twiml('<Message>Your balance is $420.</Message>') : twiml('')));
    const sent = await admin<MessageRecord>('POST', `/_sim/people/${encodeURIComponent(PHONE)}/sms`, { body: 'What do I owe?' });
    expect(sent.status).toBe(201);
    await receiver.nextRequest('/sms', (hook) => hook.params.MessageSid === sent.body.sid);

    const reply = await simulator.store.waitFor(() =>
      simulator.store.listMessages({ to: PHONE }).find((m) => m.direction === 'outbound-reply' && m.status === 'delivered'),
    );
    expect(reply.body).toBe('Your balance is $420.');
    const messages = await admin<MessageRecord[]>('GET', `/_sim/messages?phone=${encodeURIComponent(PHONE)}`);
    expect(messages.body.map((m) => m.body)).toEqual(expect.arrayContaining(['What do I owe?', 'Your balance is $420.']));
  });

  it('When a person is made to call the service, then the voice URL is requested as an inbound call and the person answers', async () => {
    receiver.on('/inbound-voice', () => twiml('<Gather input="speech" action="/inbound-said"><Say>Thanks for calling. Are you Robin Hale?</Say></Gather>'));
    const placed = await admin<{ sid: string }>('POST', `/_sim/people/${encodeURIComponent(PHONE)}/call`, {});
    expect(placed.status).toBe(201);
    const voice = await receiver.nextRequest('/inbound-voice', (hook) => hook.params.CallSid === placed.body.sid);
    expect(voice.params).toMatchObject({ Direction: 'inbound', From: PHONE, To: SERVICE_NUMBER, CallStatus: 'in-progress' });
    const said = await receiver.nextRequest('/inbound-said', (hook) => hook.params.CallSid === placed.body.sid);
    expect(said.params.SpeechResult).toBe('Yes, this is Robin Hale. What is this about?');
  });

  it('When the request names an unknown persona or an inline persona is invalid, then the API answers 400 naming the problem', async () => {
    const unknown = await admin<{ error: string }>('POST', '/_sim/people', { phone: PHONE, persona: 'nobody-like-this' });
    const invalid = await admin<{ error: string }>('POST', '/_sim/people', { phone: PHONE, persona: { description: 'x', answers: 'maybe' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toContain('unknown persona "nobody-like-this"');
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toMatch(/answers: /);
  });
});
