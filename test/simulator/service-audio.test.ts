import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { twilioRecordingFetcher } from '../../src/adapters/twilio/twilio-recordings';
import { createTwilioRestClient } from '../../src/adapters/twilio/twilio-rest-client';
import { readWav, withTranscript } from '../../src/audio/wav';
import type { CallRecord, TwilioSimulator } from '../../src/simulator';
import { ACCOUNT, type WebhookReceiver, entries, placeCallAndWait, simulatorForThisFile, twiml } from './simulator-fixtures';
import { silentWav } from '../support/wav-fixtures';

let receiver: WebhookReceiver;
let simulator: TwilioSimulator;
let nextPhone = 1;

simulatorForThisFile((started) => ({ receiver, simulator } = started));

/** A silent clip of `seconds`, carrying `text` as the service's clips do. */
function clip(seconds: number, text: string): Buffer {
  return withTranscript(silentWav(seconds), text);
}

/** A fresh person with `conversation` and a call to them running `firstTwiml` from /{name}. */
async function callWith(name: string, firstTwiml: string, conversation: Record<string, unknown> = {}): Promise<Readonly<CallRecord>> {
  const phone = `+1555400${String(nextPhone++).padStart(4, '0')}`;
  simulator.people.assign(phone, { description: name, answers: 'person', conversation });
  receiver.on(`/${name}`, () => twiml(firstTwiml));
  return placeCallAndWait(simulator, { to: phone, url: receiver.url(`/${name}`) });
}

describe('<Play> of the service’s own audio', () => {
  it('When a Gather plays a WAV carrying its words, then the person hears them as if said and answers them', async () => {
    receiver.on('/clips/ask.wav', () => ({ status: 200, body: clip(3, 'Can you pay fifty dollars today?'), contentType: 'audio/wav' }));
    receiver.on('/play-gather-done', () => twiml('<Hangup/>'));
    const call = await callWith(
      'play-gather',
      `<Gather input="speech" action="/play-gather-done"><Play>${receiver.url('/clips/ask.wav')}</Play></Gather>`,
      { rules: [{ keywords: ['fifty dollars'], reply: 'Yes, I can pay fifty today.' }] },
    );
    const action = await receiver.nextRequest('/play-gather-done', (hook) => hook.params.CallSid === call.sid);
    expect(action.params.SpeechResult).toBe('Yes, I can pay fifty today.');
    expect(entries(call, 'service-played')).toEqual([
      expect.objectContaining({ url: receiver.url('/clips/ask.wav'), durationSeconds: 3, transcript: 'Can you pay fifty dollars today?' }),
    ]);
    expect(receiver.received('/clips/ask.wav')[0]).toMatchObject({ method: 'GET' });
    expect(receiver.received('/clips/ask.wav')[0]!.headers['x-twilio-signature']).toBeUndefined();
  });

  it('When a played WAV loops, then it is fetched once and each play lasts the clip’s length', async () => {
    receiver.on('/clips/hold.wav', () => ({ status: 200, body: clip(2, 'Please hold.'), contentType: 'audio/x-wav' }));
    const call = await callWith('play-loop', `<Play loop="3">${receiver.url('/clips/hold.wav')}</Play><Hangup/>`);
    expect(entries(call, 'service-played').map((e) => e.durationSeconds)).toEqual([2, 2, 2]);
    expect(receiver.received('/clips/hold.wav')).toHaveLength(1);
    expect(call.durationSeconds).toBeGreaterThanOrEqual(6);
  });

  it('When a whisper plays a WAV to the agent, then the agent hears its words before the bridge', async () => {
    simulator.agents.set('+15550003100', { outcome: 'answer', ringSeconds: 2, talkSeconds: 20 });
    receiver.on('/clips/whisper.wav', () => ({ status: 200, body: clip(2, 'Caller wants a payment plan.'), contentType: 'audio/wav' }));
    receiver.on('/audio-whisper', () => twiml(`<Play>${receiver.url('/clips/whisper.wav')}</Play>`));
    const call = await callWith('play-whisper', '<Dial><Number url="/audio-whisper">+15550003100</Number></Dial>');
    expect(entries(call, 'agent-heard')).toEqual([expect.objectContaining({ target: '+15550003100', text: 'Caller wants a payment plan.' })]);
  });

  it.each([
    { name: 'answers 404', path: '/clips/missing.wav', answer: { status: 404, body: 'gone' }, code: 11200 },
    { name: 'answers HTML', path: '/clips/page.wav', answer: { status: 200, body: '<html/>', contentType: 'text/html' }, code: 12300 },
    { name: 'cannot be reached', path: null, answer: null, code: 11205 },
  ])('When the <Play> URL $name, then Twilio’s error $code is logged, the Play is skipped and the next verb runs', async ({ name, path, answer, code }) => {
    if (path && answer) receiver.on(path, () => answer);
    const url = path ? receiver.url(path) : 'http://127.0.0.1:9/unreachable.wav';
    const call = await callWith(`play-fails-${name.replace(/\W+/g, '-')}`, `<Play>${url}</Play><Say>After the clip.</Say>`);
    expect(entries(call, 'play-failed')).toEqual([expect.objectContaining({ url, code })]);
    expect(entries(call, 'service-played')).toHaveLength(0);
    expect(entries(call, 'service-said').map((e) => e.text)).toEqual(['After the clip.']);
    expect(simulator.store.logs()).toContainEqual(expect.objectContaining({ callSid: call.sid, code, level: 'warn' }));
  });
});

describe('Recording media', () => {
  const speechTools = ['espeak-ng', 'sox'].every((tool) => {
    try {
      execFileSync('sh', ['-c', 'command -v "$1"', 'sh', tool]);
      return true;
    } catch {
      return false;
    }
  });
  const basicAuth = (token = ACCOUNT.authToken) => `Basic ${Buffer.from(`${ACCOUNT.sid}:${token}`).toString('base64')}`;

  /** A call in which the person leaves `said` at a <Record>; resolves with the action's RecordingUrl. */
  async function recordingOf(name: string, said: string, language = 'en-US'): Promise<{ call: Readonly<CallRecord>; recordingUrl: string }> {
    receiver.on(`/${name}-recorded`, () => twiml('<Hangup/>'));
    const call = await callWith(name, `<Record action="/${name}-recorded" maxLength="30" timeout="3" playBeep="false"/>`, { language, script: [said] });
    const action = await receiver.nextRequest(`/${name}-recorded`, (hook) => hook.params.CallSid === call.sid);
    return { call, recordingUrl: action.params.RecordingUrl! };
  }

  it.skipIf(!speechTools).each([
    { language: 'en-US', said: 'I lost my job last month, can we set up a payment plan?' },
    { language: 'zh-CN', said: '我下个月15号可以付款。' },
  ])('When the service downloads a $language recording as its adapter does, then it is 8 kHz mono 16-bit WAV carrying what the person said', async ({ language, said }) => {
    const { call, recordingUrl } = await recordingOf(`record-media-${language}`, said, language);
    const fetcher = twilioRecordingFetcher({ accountSid: ACCOUNT.sid, authToken: ACCOUNT.authToken, apiBaseUrl: simulator.url });
    const wav = readWav(await fetcher.fetchWav(recordingUrl));
    expect(wav).toMatchObject({ sampleRate: 8000, channels: 1, bitsPerSample: 16, transcript: said });
    expect(wav.durationSeconds).toBeGreaterThan(0.5);
    expect(entries(call, 'recording')).toEqual([expect.objectContaining({ recordingSid: recordingUrl.split('/').at(-1), text: said, language })]);
  });

  it.skipIf(!speechTools)('When the recording is asked for as .wav and as .json, then the media and the Twilio resource are served', async () => {
    const { call, recordingUrl } = await recordingOf('record-forms', 'Please call me back tomorrow.');
    const media = await fetch(`${recordingUrl}.wav`, { headers: { authorization: basicAuth() } });
    expect(media.headers.get('content-type')).toBe('audio/x-wav');
    expect(readWav(Buffer.from(await media.arrayBuffer())).transcript).toBe('Please call me back tomorrow.');
    const resource = await fetch(`${recordingUrl}.json`, { headers: { authorization: basicAuth() } });
    expect(await resource.json()).toMatchObject({ sid: recordingUrl.split('/').at(-1), call_sid: call.sid, status: 'completed', source: 'RecordVerb', channels: 1 });
  });

  it('When the credentials are wrong or the recording does not exist, then Twilio’s 20003 and 20404 come back', async () => {
    const { recordingUrl } = await recordingOf('record-auth', 'Not now, thank you.');
    const wrongToken = await fetch(recordingUrl, { headers: { authorization: basicAuth('not-the-token') } });
    expect(wrongToken.status).toBe(401);
    expect(await wrongToken.json()).toMatchObject({ code: 20003 });
    const unknown = await fetch(`${simulator.url}/2010-04-01/Accounts/${ACCOUNT.sid}/Recordings/RE${'0'.repeat(32)}.wav`, { headers: { authorization: basicAuth() } });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 20404 });
  });

  it('When a recording is deleted, then Twilio answers 204 and from then on 404 for its media, its resource and another delete', async () => {
    const { recordingUrl } = await recordingOf('record-delete-rest', 'My card is 4111 1111 1111 1111.');
    const deleted = await fetch(`${recordingUrl}.json`, { method: 'DELETE', headers: { authorization: basicAuth() } });
    expect(deleted.status).toBe(204);
    for (const [form, method] of [['', 'GET'], ['.json', 'GET'], ['.json', 'DELETE']] as const) {
      const answer = await fetch(`${recordingUrl}${form}`, { method, headers: { authorization: basicAuth() } });
      expect(answer.status).toBe(404);
      expect(await answer.json()).toMatchObject({ code: 20404 });
    }
  });

  it('When the service deletes a recording as its adapter does, then the official client finds it gone, and a second delete counts as done', async () => {
    const { recordingUrl } = await recordingOf('record-delete-adapter', 'Four one one one, one one one one.');
    const sid = recordingUrl.split('/').at(-1)!;
    const client = createTwilioRestClient({ accountSid: ACCOUNT.sid, authToken: ACCOUNT.authToken, apiBaseUrl: simulator.url });
    expect(await client.recordings(sid).fetch()).toMatchObject({ sid, status: 'completed' });
    const recordings = twilioRecordingFetcher({ accountSid: ACCOUNT.sid, authToken: ACCOUNT.authToken, apiBaseUrl: simulator.url });
    await recordings.deleteRecording(recordingUrl);
    await expect(client.recordings(sid).fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
    await expect(recordings.deleteRecording(recordingUrl)).resolves.toBeUndefined();
    expect(simulator.store.recordingDeleted(sid)).toBe(true);
  });

  it('When espeak-ng is not installed, then the media request answers 500 naming it and the simulator logs it', async () => {
    const { call, recordingUrl } = await recordingOf('record-no-tools', 'Call me later.');
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      const response = await fetch(recordingUrl, { headers: { authorization: basicAuth() } });
      expect(response.status).toBe(500);
      expect(await response.json()).toMatchObject({ missingTool: 'espeak-ng', error: expect.stringContaining('espeak-ng is not installed') });
    } finally {
      process.env.PATH = path;
    }
    expect(simulator.store.logs()).toContainEqual(expect.objectContaining({ level: 'error', callSid: call.sid, message: expect.stringContaining('espeak-ng') }));
  });
});
