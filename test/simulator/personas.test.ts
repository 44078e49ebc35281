import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PersonaValidationError, type TwilioSimulator, loadPersonaFile, loadPersonaLibrary } from '../../src/simulator';
import {
  PERSONA_DIR,
  SERVICE_NUMBER,
  type WebhookReceiver,
  placeCallAndWait,
  restClientFor,
  simulatorForThisFile,
  twiml,
} from './simulator-fixtures';

let receiver: WebhookReceiver;
let simulator: TwilioSimulator;
let nextPhone = 1;

/** A new phone number answered by `persona`. */
function personWith(persona: string, identity?: Record<string, string | number>): string {
  const phone = `+1555400${String(nextPhone++).padStart(4, '0')}`;
  simulator.people.assign(phone, persona, identity);
  return phone;
}

simulatorForThisFile((started) => ({ receiver, simulator } = started));

describe('Persona library', () => {
  it('When the library is loaded, then every persona validates and the required characters are there', async () => {
    const library = await loadPersonaLibrary(PERSONA_DIR);
    expect([...library.keys()]).toEqual(
      expect.arrayContaining([
        'cooperative-payer',
        'promiser',
        'instalment-seeker',
        'angry-debtor',
        'disputer',
        'wrong-number',
        'voicemail',
        'never-answers',
        'sms-stopper',
        'survey-complete',
        'survey-dropout',
        'mandarin-debtor',
      ]),
    );
    expect(library.get('mandarin-debtor')!.conversation.language).toBe('zh-CN');
  });

  it('When a persona file is malformed, then the error names the file and each offending field', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'personas-'));
    try {
      const file = join(dir, 'broken.yaml');
      await writeFile(
        file,
        ['description: broken', 'answers: sometimes', 'conversation:', '  rules:', '    - match: "(unclosed"', '      reply: hi', 'ringSecs: 3'].join('\n'),
      );
      const error = await loadPersonaFile(file).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PersonaValidationError);
      const message = (error as Error).message;
      expect(message).toContain(file);
      expect(message).toMatch(/answers: /);
      expect(message).toMatch(/conversation\.rules\.0\.match: not a valid regular expression/);
      expect(message).toMatch(/ringSecs/);
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});

describe('SMS behaviour', () => {
  it('When the STOP persona gets a text, then it replies STOP, Twilio confirms the opt-out and later texts get 21610', async () => {
    const phone = personWith('sms-stopper');
    const client = restClientFor(simulator);
    const first = await client.messages.create({ to: phone, from: SERVICE_NUMBER, body: 'You have a balance due.' });
    const inbound = await receiver.nextRequest('/sms', (hook) => hook.params.From === phone);
    expect(inbound.params).toMatchObject({ Body: 'STOP', To: SERVICE_NUMBER, SmsStatus: 'received', NumMedia: '0' });
    expect(inbound.params.MessageSid).toMatch(/^SM[0-9a-f]{32}$/);

    const confirmation = await simulator.store.waitFor(() =>
      simulator.store.listMessages({ to: phone }).find((m) => m.sid !== first.sid && m.status === 'delivered'),
    );
    expect(confirmation.body).toContain('You have successfully been unsubscribed');
    await expect(client.messages.create({ to: phone, from: SERVICE_NUMBER, body: 'Again?' })).rejects.toMatchObject({ code: 21610 });
  });

  it('When the paying persona gets a text with a link, then it opens the first link and submits its form with the hidden fields', async () => {
    const phone = personWith('cooperative-payer');
    const form = '<form method="post"><input type="hidden" name="action" value="pay"><input type="hidden" name="idempotencyKey" value="key-0123456789abcdef"><input name="amount"></form>';
    receiver.on('/pay/abc123', (hook) => (hook.method === 'GET' ? { status: 200, body: form, contentType: 'text/html' } : { status: 200, body: 'paid' }));
    await restClientFor(simulator).messages.create({
      to: phone,
      from: SERVICE_NUMBER,
      body: `Pay your balance at ${receiver.url('/pay/abc123')}. Or at ${receiver.url('/pay/other')}`,
    });
    const payment = await receiver.nextRequest('/pay/abc123', (hook) => hook.method === 'POST');
    expect(payment.params).toEqual({ action: 'pay', idempotencyKey: 'key-0123456789abcdef' });
    const visit = await simulator.store.waitFor(() =>
      simulator.store.eventsSince().find((e) => e.type === 'link-visited' && e.phone === phone),
    );
    expect(visit).toMatchObject({ statusCode: 200 });
    expect(receiver.received('/pay/other')).toHaveLength(0);
  });

  it('When the paying persona opens a link that no longer works, then it does not submit anything', async () => {
    const phone = personWith('cooperative-payer');
    receiver.on('/pay/gone', () => ({ status: 410, body: '<p>This link no longer works</p>', contentType: 'text/html' }));
    await restClientFor(simulator).messages.create({ to: phone, from: SERVICE_NUMBER, body: `Pay at ${receiver.url('/pay/gone')}` });
    const visit = await simulator.store.waitFor(() =>
      simulator.store.eventsSince().find((e) => e.type === 'link-visited' && e.phone === phone),
    );
    expect(visit).toMatchObject({ statusCode: 410 });
    expect(receiver.received('/pay/gone').map((hook) => hook.method)).toEqual(['GET']);
  });
});

describe('Call behaviour', () => {
  beforeAll(() => {
    receiver.on('/greeting', () => twiml('<Say>Hello, this is a message for you.</Say>'));
  });

  it('When a voicemail answers and DetectMessageEnd was asked, then AnsweredBy is machine_end_beep in the webhook and the callbacks', async () => {
    const phone = personWith('voicemail');
    const call = await placeCallAndWait(simulator, {
      to: phone,
      url: receiver.url('/greeting'),
      machineDetection: 'DetectMessageEnd',
      statusCallback: receiver.url('/amd-status'),
    });
    const voice = await receiver.nextRequest('/greeting', (hook) => hook.params.CallSid === call.sid);
    expect(voice.params.AnsweredBy).toBe('machine_end_beep');
    const final = await receiver.nextRequest('/amd-status', (hook) => hook.params.CallSid === call.sid);
    expect(final.params.AnsweredBy).toBe('machine_end_beep');
    expect(call.answeredBy).toBe('machine_end_beep');
    expect(call.transcript).toContainEqual(expect.objectContaining({ kind: 'machine-greeting' }));
  });

  it('When a person answers with MachineDetection Enable, then AnsweredBy is human; a voicemail is machine_start', async () => {
    const person = await placeCallAndWait(simulator, { to: personWith('promiser'), url: receiver.url('/greeting'), machineDetection: 'Enable' });
    const machine = await placeCallAndWait(simulator, { to: personWith('voicemail'), url: receiver.url('/greeting'), machineDetection: 'Enable' });
    expect(person.answeredBy).toBe('human');
    expect(machine.answeredBy).toBe('machine_start');
  });

  it.each([
    ['busy-line', 'busy'],
    ['never-answers', 'no-answer'],
    ['disconnected-number', 'failed'],
  ])('When the %s persona is called, then the call ends %s and the TwiML is never fetched', async (persona, status) => {
    const call = await placeCallAndWait(simulator, { to: personWith(persona), url: receiver.url('/unfetched'), statusCallback: receiver.url('/unanswered-status') });
    expect(call.status).toBe(status);
    expect(call.startTime).toBeNull();
    const final = await receiver.nextRequest('/unanswered-status', (hook) => hook.params.CallSid === call.sid);
    expect(final.params).toMatchObject({ CallStatus: status, CallDuration: '0' });
    expect(receiver.received('/unfetched')).toHaveLength(0);
  });

  it('When a persona speaks with low confidence, then the Gather action gets that Confidence', async () => {
    receiver.on('/angry', () => twiml('<Gather input="speech" action="/angry-said"><Say>Your balance is $500.</Say></Gather>'));
    const call = await placeCallAndWait(simulator, { to: personWith('angry-debtor'), url: receiver.url('/angry') });
    const action = await receiver.nextRequest('/angry-said', (hook) => hook.params.CallSid === call.sid);
    expect(action.params.SpeechResult).toMatch(/talk to a human/);
    expect(action.params.Confidence).toBe('0.67000000');
  });

  it('When the collections prompts are asked, then the payer names themself, gives the year of birth from the assigned identity and accepts the offer', async () => {
    receiver.on('/c1', () => twiml('<Gather input="speech" action="/c2"><Say>Hello, may I speak with Dana Fox?</Say></Gather>'));
    receiver.on('/c2', () => twiml('<Gather input="speech" action="/c3"><Say>Can you confirm your year of birth?</Say></Gather>'));
    receiver.on('/c3', () => twiml('<Gather input="speech" action="/c4"><Say>This is an attempt to collect a debt. Your balance is $420. Would you like to pay it today?</Say></Gather>'));
    receiver.on('/c4', () => twiml('<Hangup/>'));
    const call = await placeCallAndWait(simulator, { to: personWith('cooperative-payer', { name: 'Dana Fox', yearOfBirth: 1991 }), url: receiver.url('/c1') });
    const said = call.transcript.flatMap((e) => (e.kind === 'person-said' ? [e.text] : []));
    expect(said).toEqual(['Hello?', 'Yes, this is Dana Fox.', '1991', expect.stringMatching(/pay the full balance today/)]);
  });

  it('When the Mandarin debtor hears Chinese, then they answer in Chinese; in English, they ask for Chinese', async () => {
    receiver.on('/zh', () => twiml('<Gather input="speech" language="zh-CN" action="/zh-said"><Say language="zh-CN">请问您是哪一年出生的？</Say></Gather>'));
    receiver.on('/en', () => twiml('<Gather input="speech" language="en-US" action="/en-said"><Say>Can you confirm your year of birth?</Say></Gather>'));
    const zh = await placeCallAndWait(simulator, { to: personWith('mandarin-debtor'), url: receiver.url('/zh') });
    const en = await placeCallAndWait(simulator, { to: personWith('mandarin-debtor'), url: receiver.url('/en') });
    const zhAction = await receiver.nextRequest('/zh-said', (hook) => hook.params.CallSid === zh.sid);
    const enAction = await receiver.nextRequest('/en-said', (hook) => hook.params.CallSid === en.sid);
    expect(zhAction.params.SpeechResult).toBe('我是1978年出生的。');
    expect(Number(zhAction.params.Confidence)).toBeCloseTo(0.88);
    expect(enAction.params.SpeechResult).toBe('对不起，我听不懂英文。请说中文。');
    // An en-US recogniser hearing Mandarin is far less sure of itself.
    expect(Number(enAction.params.Confidence)).toBeLessThan(0.5);
  });

  it('When the survey drop-out has answered three questions, then they hang up before the fourth', async () => {
    const questions = ['Do you have a minute?', 'How would you rate us from 1 to 5?', 'Would you recommend us?', 'Any other comments?'];
    questions.forEach((question, i) =>
      receiver.on(`/survey-${i}`, () => twiml(`<Gather input="speech dtmf" action="/survey-${i + 1}"><Say>${question}</Say></Gather>`)),
    );
    receiver.on('/survey-4', () => twiml('<Say>Thank you for completing the survey.</Say>'));
    const call = await placeCallAndWait(simulator, { to: personWith('survey-dropout'), url: receiver.url('/survey-0') });
    const said = call.transcript.flatMap((e) => (e.kind === 'person-said' ? [e.text] : []));
    expect(said).toEqual(['Hello?', 'Okay, go ahead.', '3', "No, I wouldn't."]);
    expect(call.transcript.filter((e) => e.kind === 'hangup').at(-1)).toMatchObject({ by: 'person' });
    expect(receiver.received('/survey-4').filter((hook) => hook.params.CallSid === call.sid)).toHaveLength(0);
  });

  it('When a persona hangs up only on its first call, then the second call to the same number is answered to the end', async () => {
    const questions = ['May I take one minute of your time?', 'How likely are you to recommend us?', 'How satisfied were you?'];
    questions.forEach((question, i) =>
      receiver.on(`/retry-${i}`, () => twiml(`<Gather input="speech" action="/retry-${i + 1}"><Say>${question}</Say></Gather>`)),
    );
    receiver.on('/retry-3', () => twiml('<Say>Thank you.</Say>'));
    const phone = personWith('survey-voice-dropout');
    const said = (call: Awaited<ReturnType<typeof placeCallAndWait>>) => call.transcript.flatMap((e) => (e.kind === 'person-said' ? [e.text] : []));

    const first = await placeCallAndWait(simulator, { to: phone, url: receiver.url('/retry-0') });
    const second = await placeCallAndWait(simulator, { to: phone, url: receiver.url('/retry-0') });

    expect(said(first)).toEqual(['Hello?', 'Okay, go ahead.', 'Nine.']);
    expect(first.transcript.filter((e) => e.kind === 'hangup').at(-1)).toMatchObject({ by: 'person' });
    expect(said(second)).toEqual(['Hello?', 'Okay, go ahead.', 'Nine.', '4']);
    expect(receiver.received('/retry-3').filter((hook) => hook.params.CallSid === second.sid)).toHaveLength(1);
  });
});
