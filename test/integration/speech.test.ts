import { access } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationFailure } from '@temporalio/activity';
import { createLogger } from '../../src/logging/logger';
import { startService, type RunningService } from '../../src/service/service';
import { createEspeakSynthesizer } from '../../src/adapters/speech/espeak-tts';
import { createPocketsphinxRecognizer } from '../../src/adapters/speech/pocketsphinx-asr';
import { createOpenAiSpeech, openAiSpeechDefaults } from '../../src/adapters/speech/openai-speech';
import { SpeechEngineError, type SpeechEngine } from '../../src/adapters/speech/speech-engine';
import { missingTools } from '../../src/adapters/speech/run-tool';
import { createSpeechEngine } from '../../src/adapters/speech/speech-engines';
import { createSpeechActivities } from '../../activities/speech.activities';
import { loadConfig } from '../../src/config/config';
import { integrationConfig } from '../support/integration-env';
import { startAudioEndpoint } from '../support/openai-audio-endpoint';
import { apiKeyFor } from '../support/api-calls';

// The pluggable speech engines behind the speech activities: the offline pair (espeak-ng speaks,
// pocketsphinx listens) end to end through FerretDB and GET /audio/:clipId, and the OpenAI adapter
// against a local stand-in that checks each request.

const SENTENCE = 'please send me the payment link';
/** The words that carry the request; pocketsphinx hears espeak's "link" poorly, so a majority must come back. */
const CONTENT_WORDS = ['please', 'send', 'payment', 'link'];
/**
 * What a debtor says at the "handle the answer" step, as Gather hints would list it: recognition is
 * confined to these words (see pocketsphinx-asr.ts), about ninety of them, most of them not in SENTENCE.
 */
const ANSWER_HINTS = [
  'yes', 'no', 'yeah', 'okay', 'please', 'send', 'me', 'the', 'a', 'payment link', 'text', 'pay', 'now', 'today', 'tomorrow',
  'next week', 'friday', 'monday', 'i can', "can't", 'want to', 'speak with an agent', 'person', 'human', 'call me back',
  'later', 'dispute this debt', 'not mine', 'wrong number', 'stop', "don't", 'my card', 'plan', 'installments', 'month',
  'hundred dollars', 'fifty', 'thank you', 'goodbye', 'who is it', 'what balance', 'how much do i owe', 'lawyer', 'bankruptcy',
  'hardship', 'lost my job', 'help', 'email address', 'already paid', 'receipt', 'check', 'bank', 'account', 'mail', 'letter',
];
const MODEL_DICT = '/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict';

async function missingSpeechTools(): Promise<string[]> {
  const missing = await missingTools(['espeak-ng', 'sox', 'pocketsphinx_continuous']);
  const model = await access(MODEL_DICT).then(() => true, () => false);
  return model ? missing : [...missing, `${MODEL_DICT} (Debian package pocketsphinx-en-us)`];
}

const words = (text: string) => text.toLowerCase().split(/\s+/);

describe('the offline speech engine behind the speech activities', () => {
  let service: RunningService;
  let missing: string[];
  const local = createSpeechEngine(loadConfig({ SPEECH_ENGINE: 'local' }))!;

  beforeAll(async () => {
    missing = await missingSpeechTools();
    service = await startService(integrationConfig('speech'), createLogger('fatal', { pretty: false }), { api: true, worker: false });
    await apiKeyFor(service);
  });
  afterAll(async () => {
    await service?.stop();
  });

  const activities = (engine: SpeechEngine | undefined) => createSpeechActivities({ repositories: service.mongo.repositories, publicBaseUrl: service.httpUrl!, engine });

  const requireTools = () =>
    expect(missing, `the local speech engine needs ${missing.join(', ')}: run scripts/setup.sh as root, or apt-get install espeak-ng sox pocketsphinx pocketsphinx-en-us`).toEqual([]);

  it('when a sentence is synthesized and recognised back with the answer hints, then most of its content words return', async () => {
    requireTools();
    const { synthesizeSpeech, transcribeRecording } = activities(local);
    const clip = await synthesizeSpeech({ text: SENTENCE, language: 'en-US', key: `speech-test/${randomUUID()}` });

    const heard = await transcribeRecording({ clipId: clip.clipId, language: 'en-US', hints: ANSWER_HINTS });

    const recognised = CONTENT_WORDS.filter((w) => words(heard.text).includes(w));
    expect(recognised.length, `heard "${heard.text}"`).toBeGreaterThanOrEqual(3);
    expect(recognised).toEqual(expect.arrayContaining(['please', 'send']));
  });

  it('when the same sentence is synthesized twice, then it gives the same WAV bytes (16 kHz mono 16-bit)', async () => {
    requireTools();
    const tts = createEspeakSynthesizer();
    const [first, second] = [await tts.synthesize(SENTENCE, 'en-US'), await tts.synthesize(SENTENCE, 'en-US')];
    expect(first.equals(second)).toBe(true);
    expect(first.subarray(0, 4).toString('latin1')).toBe('RIFF');
    expect({ channels: first.readUInt16LE(22), rate: first.readUInt32LE(24), bits: first.readUInt16LE(34) }).toEqual({ channels: 1, rate: 16_000, bits: 16 });
    expect((await tts.synthesize('请给我发送付款链接', 'zh-CN')).length).toBeGreaterThan(16_000);
  });

  it('when a reply is synthesized again under the same key (a retry), then one clip is stored and the same id returned', async () => {
    requireTools();
    const key = `speech-test/${randomUUID()}`;
    const { synthesizeSpeech } = activities(local);
    const first = await synthesizeSpeech({ text: 'Thank you. Goodbye.', language: 'en-US', key });
    const again = await synthesizeSpeech({ text: 'Thank you. Goodbye.', language: 'en-US', key });
    expect(again).toEqual(first);
    expect(first.url).toBe(`${service.httpUrl}/audio/${first.clipId}`);
    expect(await service.mongo.models.speechClips.countDocuments({ key })).toBe(1);
  });

  it('when <Play> fetches a stored clip, then GET /audio/:clipId serves its bytes as audio/wav', async () => {
    requireTools();
    const clip = await activities(local).synthesizeSpeech({ text: SENTENCE, language: 'en-US', key: `speech-test/${randomUUID()}` });
    const stored = await service.mongo.models.speechClips.findOne({ clipId: clip.clipId }).orFail();

    const response = await fetch(clip.url);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('audio/wav');
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.equals(Buffer.from(stored.audio))).toBe(true);
    expect(body.subarray(8, 12).toString('latin1')).toBe('WAVE');
    expect((await fetch(`${service.httpUrl}/audio/${randomUUID()}`)).status).toBe(404);
    expect((await fetch(`${service.httpUrl}/audio/not-a-clip`)).status).toBe(400);
  });

  it('when the recording is not audio, then the local recogniser refuses it for good (no retry)', async () => {
    requireTools();
    const error = await createPocketsphinxRecognizer().transcribe(Buffer.from('not a wav file')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpeechEngineError);
    expect((error as SpeechEngineError).kind).toBe('rejected');
  });

  it('when no speech engine is configured (SPEECH_ENGINE=twilio), then the activities fail with a non-retryable type', async () => {
    expect(createSpeechEngine(loadConfig({}))).toBeUndefined();
    const error = await activities(undefined).synthesizeSpeech({ text: 'Hello.', language: 'en-US', key: `speech-test/${randomUUID()}` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApplicationFailure);
    expect(error).toMatchObject({ type: 'SpeechEngineNotConfigured', nonRetryable: true });
  });
});

describe('the OpenAI speech adapter', () => {
  const wav = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(40, 1)]);

  it('when it synthesizes, then it asks the speech API for WAV of exactly the text and returns the bytes', async () => {
    const endpoint = await startAudioEndpoint(() => ({ status: 200, body: wav }));
    try {
      const speech = createOpenAiSpeech({ apiKey: 'sk-test', baseUrl: endpoint.baseUrl, timeoutMs: 2_000 });
      const audio = await speech.synthesize('Your payment link is on its way.', 'en-US');
      expect(audio.equals(wav)).toBe(true);
      expect(endpoint.seen).toHaveLength(1);
      expect(endpoint.seen[0]).toMatchObject({
        path: '/v1/audio/speech',
        json: { model: openAiSpeechDefaults.ttsModel, voice: openAiSpeechDefaults.voice, input: 'Your payment link is on its way.', response_format: 'wav' },
      });
    } finally {
      await endpoint.close();
    }
  });

  it('when it transcribes, then it uploads the WAV with the model, language and hints, and returns the text', async () => {
    const endpoint = await startAudioEndpoint(() => ({ status: 200, body: { text: ' please send me the payment link ' } }));
    try {
      const speech = createOpenAiSpeech({ apiKey: 'sk-test', baseUrl: endpoint.baseUrl, timeoutMs: 2_000 });
      const transcript = await speech.transcribe(wav, { language: 'en-US', hints: ['payment link', 'agent'] });
      expect(transcript).toEqual({ text: 'please send me the payment link' });
      const form = endpoint.seen[0]!.form!;
      expect(endpoint.seen[0]!.path).toBe('/v1/audio/transcriptions');
      expect({ model: form.get('model'), language: form.get('language'), prompt: form.get('prompt'), format: form.get('response_format') }).toEqual({
        model: openAiSpeechDefaults.asrModel,
        language: 'en',
        prompt: 'payment link, agent',
        format: 'json',
      });
      const file = form.get('file') as File;
      expect(file.name).toBe('recording.wav');
      expect(Buffer.from(await file.arrayBuffer()).equals(wav)).toBe(true);
    } finally {
      await endpoint.close();
    }
  });

  it('when the endpoint fails, then the client does not retry and the error says whether Temporal should', async () => {
    const endpoint = await startAudioEndpoint(({ path }) =>
      path.endsWith('/speech') ? { status: 503, body: { error: { message: 'overloaded' } } } : { status: 400, body: { error: { message: 'bad audio' } } },
    );
    try {
      const speech = createOpenAiSpeech({ apiKey: 'sk-test', baseUrl: endpoint.baseUrl, timeoutMs: 2_000 });
      await expect(speech.synthesize('Hello.', 'en-US')).rejects.toMatchObject({ name: 'SpeechEngineError', kind: 'failed' });
      await expect(speech.transcribe(wav)).rejects.toMatchObject({ name: 'SpeechEngineError', kind: 'rejected' });
      expect(endpoint.seen).toHaveLength(2);
    } finally {
      await endpoint.close();
    }
  });
});
