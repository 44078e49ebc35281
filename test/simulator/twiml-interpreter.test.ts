import { describe, expect, it } from 'vitest';
import { type CallRecord, type TwilioSimulator, twilioSignature } from '../../src/simulator';
import { ACCOUNT, type WebhookReceiver, entries, placeCallAndWait, simulatorForThisFile, twiml } from './simulator-fixtures';

let receiver: WebhookReceiver;
let simulator: TwilioSimulator;
let nextPhone = 1;

simulatorForThisFile((started) => ({ receiver, simulator } = started));

/** A fresh person (scripted replies) and a call to them running `firstTwiml` from /{name}. */
async function callWith(name: string, firstTwiml: string, script: unknown[] = []): Promise<Readonly<CallRecord>> {
  const phone = `+1555200${String(nextPhone++).padStart(4, '0')}`;
  simulator.people.assign(phone, { description: name, answers: 'person', conversation: { script } });
  receiver.on(`/${name}`, () => twiml(firstTwiml));
  return placeCallAndWait(simulator, { to: phone, url: receiver.url(`/${name}`) });
}

function lastHangup(call: Readonly<CallRecord>) {
  return entries(call, 'hangup').at(-1)?.by;
}

describe('Say, Play and Pause', () => {
  it('When the TwiML speaks, plays and pauses, then the person hears each with its language and voice, and the call ends with the document', async () => {
    receiver.on('/jingle.mp3', () => ({ status: 200, body: Buffer.from('ID3 not measured'), contentType: 'audio/mpeg' }));
    const call = await callWith(
      'prompts',
      `<Say voice="Polly.Joanna" language="en-GB">Good morning.</Say><Play>${receiver.url('/jingle.mp3')}</Play><Pause length="2"/><Say>Your total is <say-as interpret-as="currency">$12</say-as> today.</Say>`,
    );
    expect(entries(call, 'service-said')).toEqual([
      expect.objectContaining({ text: 'Good morning.', voice: 'Polly.Joanna', language: 'en-GB' }),
      expect.objectContaining({ text: 'Your total is $12 today.', language: 'en-US' }),
    ]);
    expect(entries(call, 'service-played')).toEqual([expect.objectContaining({ url: receiver.url('/jingle.mp3'), durationSeconds: 5, transcript: null })]);
    expect(entries(call, 'pause')).toEqual([expect.objectContaining({ seconds: 2 })]);
    expect(lastHangup(call)).toBe('end-of-document');
    expect(call.status).toBe('completed');
  });
});

describe('Gather', () => {
  it('When the person answers a nested Say by speaking, then the action gets SpeechResult and Confidence', async () => {
    receiver.on('/gather-speech-done', () => twiml('<Say>Thanks.</Say>'));
    const call = await callWith(
      'gather-speech',
      '<Gather input="speech" action="/gather-speech-done" speechTimeout="auto"><Say>Please say your name.</Say></Gather><Say>Not reached.</Say>',
      [{ say: 'Jordan Lee', confidence: 0.75 }],
    );
    const action = await receiver.nextRequest('/gather-speech-done', (hook) => hook.params.CallSid === call.sid);
    expect(action.params).toMatchObject({ SpeechResult: 'Jordan Lee', Confidence: '0.75000000', CallStatus: 'in-progress' });
    expect(entries(call, 'service-said').map((e) => e.text)).toEqual(['Please say your name.', 'Thanks.']);
  });

  it('When the person types more keys than numDigits or ends with finishOnKey, then Digits holds what counts', async () => {
    receiver.on('/digits-done', () => twiml('<Hangup/>'));
    const counted = await callWith('digits-count', '<Gather numDigits="1" action="/digits-done"><Say>Press a key.</Say></Gather>', [{ digits: '12' }]);
    const finished = await callWith('digits-finish', '<Gather action="/digits-done"><Say>Enter your year of birth then hash.</Say></Gather>', [{ digits: '1985#' }]);
    const [first, second] = await Promise.all([
      receiver.nextRequest('/digits-done', (h) => h.params.CallSid === counted.sid),
      receiver.nextRequest('/digits-done', (h) => h.params.CallSid === finished.sid),
    ]);
    expect(first.params.Digits).toBe('1');
    expect(second.params).toMatchObject({ Digits: '1985', FinishedOnKey: '#' });
    expect(lastHangup(counted)).toBe('service');
  });

  it('When nobody answers a Gather, then it times out and falls through to the next verb without requesting the action', async () => {
    const call = await callWith(
      'gather-timeout',
      '<Gather input="speech" action="/never" timeout="3"><Say>Are you there?</Say></Gather><Say>We did not hear anything. Goodbye.</Say>',
      [{ silence: true }],
    );
    expect(entries(call, 'no-input')).toEqual([expect.objectContaining({ verb: 'Gather' })]);
    expect(entries(call, 'service-said').map((e) => e.text)).toEqual(['Are you there?', 'We did not hear anything. Goodbye.']);
    expect(receiver.received('/never')).toHaveLength(0);
  });

  it('When the person speaks to a keypad-only Gather, then Twilio hears no input', async () => {
    const call = await callWith('dtmf-only', '<Gather action="/never"><Say>Press 1.</Say></Gather><Say>No key pressed.</Say>', ['one']);
    expect(entries(call, 'person-said').map((e) => e.text)).toContain('one');
    expect(entries(call, 'no-input')).toHaveLength(1);
    expect(receiver.received('/never')).toHaveLength(0);
  });
});

describe('Redirect, Dial, Enqueue, Record, Hangup, Reject', () => {
  it('When the TwiML redirects with a relative URL, then the new document is fetched from the same host and the rest is skipped', async () => {
    receiver.on('/redirect-target', () => twiml('<Say>After the redirect.</Say>'));
    const call = await callWith('redirect', '<Redirect method="POST">/redirect-target</Redirect><Say>Skipped.</Say>');
    expect(entries(call, 'twiml-fetch').map((e) => e.url)).toEqual([receiver.url('/redirect'), receiver.url('/redirect-target')]);
    expect(entries(call, 'service-said').map((e) => e.text)).toEqual(['After the redirect.']);
  });

  it('When the service dials an agent who answers, then they talk and the action gets DialCallStatus completed', async () => {
    simulator.agents.set('+15550002000', { outcome: 'answer', ringSeconds: 4, talkSeconds: 90 });
    receiver.on('/dial-done', () => twiml('<Say>The agent has left.</Say>'));
    const call = await callWith('dial', '<Dial action="/dial-done" timeout="20"><Number>+15550002000</Number></Dial>');
    const action = await receiver.nextRequest('/dial-done', (hook) => hook.params.CallSid === call.sid);
    expect(action.params).toMatchObject({ DialCallStatus: 'completed', DialCallDuration: '90' });
    expect(action.params.DialCallSid).toMatch(/^CA[0-9a-f]{32}$/);
    expect(entries(call, 'dial')).toEqual([expect.objectContaining({ target: '+15550002000', outcome: 'completed', talkSeconds: 90 })]);
    expect(call.durationSeconds).toBeGreaterThanOrEqual(94);
  });

  it('When the dialled agent answers a Number with a url, then the signed whisper request is for the agent leg and the agent hears it before the bridge', async () => {
    simulator.agents.set('+15550002100', { outcome: 'answer', ringSeconds: 3, talkSeconds: 60 });
    receiver.on('/whisper', () => twiml('<Say>Robin Hale disputes the balance.</Say><Pause length="1"/>'));
    receiver.on('/whisper-dial-done', () => twiml('<Hangup/>'));
    const call = await callWith('dial-whisper', '<Dial action="/whisper-dial-done"><Number url="/whisper">+15550002100</Number></Dial>');
    const [whisper, action] = await Promise.all([
      receiver.nextRequest('/whisper', (hook) => hook.params.ParentCallSid === call.sid),
      receiver.nextRequest('/whisper-dial-done', (hook) => hook.params.CallSid === call.sid),
    ]);
    expect(whisper.method).toBe('POST');
    expect(whisper.params).toMatchObject({ CallSid: action.params.DialCallSid, Direction: 'outbound-dial', To: '+15550002100', AccountSid: ACCOUNT.sid });
    expect(whisper.headers['x-twilio-signature']).toBe(twilioSignature(ACCOUNT.authToken, whisper.url, whisper.params));
    expect(call.transcript.map((entry) => entry.kind).filter((kind) => kind === 'agent-heard' || kind === 'dial')).toEqual(['agent-heard', 'dial']);
    const admin = (await (await fetch(`${simulator.url}/_sim/calls/${call.sid}`)).json()) as CallRecord;
    expect(entries(admin, 'agent-heard')).toEqual([expect.objectContaining({ target: '+15550002100', text: 'Robin Hale disputes the balance.' })]);
  });

  it('When the whisper URL fails, then the failure is logged and the agent is connected anyway', async () => {
    simulator.agents.set('+15550002200', { outcome: 'answer', ringSeconds: 1, talkSeconds: 10 });
    receiver.on('/whisper-broken', () => ({ status: 500, body: 'oops' }));
    const call = await callWith('whisper-broken-dial', '<Dial><Number url="/whisper-broken">+15550002200</Number></Dial>');
    expect(entries(call, 'dial')).toEqual([expect.objectContaining({ target: '+15550002200', outcome: 'completed' })]);
    expect(entries(call, 'agent-heard')).toHaveLength(0);
    expect(simulator.store.logs()).toContainEqual(expect.objectContaining({ callSid: call.sid, code: 11200, level: 'warn' }));
  });

  it('When the dialled client does not answer, then the action gets no-answer; without an action the document goes on', async () => {
    simulator.agents.set('support-desk', { outcome: 'no-answer' });
    receiver.on('/dial-missed', () => twiml('<Say>Nobody is free.</Say>'));
    const withAction = await callWith('dial-missed-action', '<Dial action="/dial-missed"><Client>support-desk</Client></Dial>');
    const withoutAction = await callWith('dial-missed-plain', '<Dial><Client>support-desk</Client></Dial><Say>Still here.</Say>');
    const action = await receiver.nextRequest('/dial-missed', (hook) => hook.params.CallSid === withAction.sid);
    expect(action.params.DialCallStatus).toBe('no-answer');
    expect(entries(withoutAction, 'service-said').map((e) => e.text)).toEqual(['Still here.']);
  });

  it('When a caller is enqueued and an agent takes the queue, then the action gets QueueResult bridged', async () => {
    simulator.agents.set('collections', { outcome: 'answer', ringSeconds: 10, talkSeconds: 30 });
    receiver.on('/queue-done', () => twiml('<Hangup/>'));
    const call = await callWith('enqueue', '<Enqueue action="/queue-done">collections</Enqueue>');
    const action = await receiver.nextRequest('/queue-done', (hook) => hook.params.CallSid === call.sid);
    expect(action.params).toMatchObject({ QueueResult: 'bridged', QueueTime: '10' });
  });

  it('When a queued caller waits with a waitUrl and nobody picks up, then the signed waitUrl is requested again as it ends and its Leave sends the action QueueResult leave', async () => {
    simulator.agents.set('nobody-home', { outcome: 'no-answer' });
    receiver.on('/hold', (hook) => twiml(Number(hook.params.QueueTime) < 10 ? '<Say>Please hold.</Say><Pause length="5"/>' : '<Leave/>'));
    receiver.on('/queue-left', () => twiml('<Say>Nobody is free, we will call you back.</Say>'));
    const call = await callWith('enqueue-leave', '<Enqueue action="/queue-left" waitUrl="/hold">nobody-home</Enqueue><Say>Never said.</Say>');

    const waits = receiver.received('/hold').filter((hook) => hook.params.CallSid === call.sid);
    const action = await receiver.nextRequest('/queue-left', (hook) => hook.params.CallSid === call.sid);
    const queueTimes = waits.map((hook) => Number(hook.params.QueueTime));
    expect(queueTimes).toHaveLength(3);
    expect(queueTimes[0]).toBe(0);
    expect(queueTimes).toEqual([...queueTimes].sort((a, b) => a - b));
    expect(queueTimes[2]).toBeGreaterThanOrEqual(10);
    for (const wait of waits) {
      expect(wait.method).toBe('POST');
      expect(wait.params).toMatchObject({ QueueSid: action.params.QueueSid, CurrentQueueSize: '1', AvgQueueTime: wait.params.QueueTime });
      expect(wait.headers['x-twilio-signature']).toBe(twilioSignature(ACCOUNT.authToken, wait.url, wait.params));
    }
    expect(action.params).toMatchObject({ QueueResult: 'leave', QueueTime: String(queueTimes[2]) });
    expect(action.params.QueueSid).toMatch(/^QU[0-9a-f]{32}$/);
    expect(entries(call, 'service-said').map((e) => e.text)).toEqual(['Please hold.', 'Please hold.', 'Nobody is free, we will call you back.']);
    expect(entries(call, 'enqueue')).toEqual([expect.objectContaining({ queue: 'nobody-home', result: 'leave' })]);
  });

  it('When the agent picks up during the hold message, then the message is cut short and the action gets QueueResult bridged', async () => {
    simulator.agents.set('quick-desk', { outcome: 'answer', ringSeconds: 3, talkSeconds: 20 });
    receiver.on('/hold-long', () => twiml('<Say>Please hold.</Say><Pause length="30"/>'));
    receiver.on('/quick-done', () => twiml('<Hangup/>'));
    const call = await callWith('enqueue-picked-up', '<Enqueue action="/quick-done" waitUrl="/hold-long">quick-desk</Enqueue>');

    const action = await receiver.nextRequest('/quick-done', (hook) => hook.params.CallSid === call.sid);
    expect(action.params).toMatchObject({ QueueResult: 'bridged', QueueTime: '3' });
    expect(receiver.received('/hold-long').filter((hook) => hook.params.CallSid === call.sid)).toHaveLength(1);
    expect(entries(call, 'enqueue')).toEqual([expect.objectContaining({ queue: 'quick-desk', result: 'bridged' })]);
    expect(call.durationSeconds).toBeLessThan(30);
  });

  it("When the queued caller's patience runs out before any Leave, then they hang up and the action still gets QueueResult hangup, its TwiML unheard", async () => {
    simulator.agents.set('closed-desk', { outcome: 'no-answer' });
    receiver.on('/hold-forever', () => twiml('<Pause length="10"/>'));
    receiver.on('/gave-up', () => twiml('<Say>Never heard.</Say>'));
    const call = await callWith('enqueue-gave-up', '<Enqueue action="/gave-up" waitUrl="/hold-forever">closed-desk</Enqueue>');

    const action = await receiver.nextRequest('/gave-up', (hook) => hook.params.CallSid === call.sid);
    expect(action.params).toMatchObject({ QueueResult: 'hangup', CallStatus: 'completed', QueueTime: '120' });
    expect(entries(call, 'service-said')).toHaveLength(0);
    expect(entries(call, 'enqueue')).toEqual([expect.objectContaining({ result: 'hangup' })]);
    expect(lastHangup(call)).toBe('person');
  });

  it('When the person leaves a message at a Record, then the action gets the recording', async () => {
    receiver.on('/recorded', () => twiml('<Say>Thank you for your message.</Say>'));
    const call = await callWith('record', '<Say>Leave a message after the beep.</Say><Record action="/recorded" maxLength="60"/>', [
      'Please call me back tomorrow morning.',
    ]);
    const action = await receiver.nextRequest('/recorded', (hook) => hook.params.CallSid === call.sid);
    expect(action.params.RecordingSid).toMatch(/^RE[0-9a-f]{32}$/);
    expect(action.params.RecordingUrl).toContain(`/Recordings/${action.params.RecordingSid}`);
    expect(Number(action.params.RecordingDuration)).toBeGreaterThan(0);
  });

  it('When the TwiML hangs up or rejects, then nothing after it is said', async () => {
    const hungUp = await callWith('hangup', '<Say>Bye.</Say><Hangup/><Say>Never said.</Say>');
    const rejected = await callWith('reject', '<Reject reason="busy"/><Say>Never said.</Say>');
    expect(entries(hungUp, 'service-said').map((e) => e.text)).toEqual(['Bye.']);
    expect(lastHangup(hungUp)).toBe('service');
    expect(entries(rejected, 'service-said')).toHaveLength(0);
  });
});

describe('Invalid TwiML', () => {
  it.each([
    ['unparsable XML', '<Response><Say>Unclosed</Response>', 12100, /Expected closing tag/],
    ['a root that is not Response', '<Speak>Hello</Speak>', 12100, /root element must be <Response>/],
    ['an unknown verb', '<Response><Shout>Hello</Shout></Response>', 12200, /<Shout> is not a TwiML voice verb/],
    ['a Dial nested in a Gather', '<Response><Gather><Dial>+15550002000</Dial></Gather></Response>', 12200, /not allowed inside <Gather>/],
    ['a malformed attribute', '<Response><Gather timeout="soon"><Say>Hi</Say></Gather></Response>', 12200, /timeout="soon"/],
  ])('When the service answers with %s, then the call ends with application error %i and the reason is logged', async (label, body, code, reason) => {
    const name = `invalid-${label.replace(/\W+/g, '-')}`;
    const phone = `+1555300${String(nextPhone++).padStart(4, '0')}`;
    simulator.people.assign(phone, { description: label, answers: 'person' });
    receiver.on(`/${name}`, () => body);
    const call = await placeCallAndWait(simulator, { to: phone, url: receiver.url(`/${name}`) });

    expect(call.status).toBe('completed');
    expect(call.errorCode).toBe(code);
    expect(lastHangup(call)).toBe('application-error');
    expect(entries(call, 'service-said')).toHaveLength(0);
    const logged = simulator.store.logs().find((log) => log.callSid === call.sid && log.code === code);
    expect(logged?.message).toMatch(reason);
  });
});
