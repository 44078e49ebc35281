import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWav } from '../../src/audio/wav';
import { mentionsDebtDetail } from '../../src/dialog/debt-detail';
import { openAiSpeechDefaults } from '../../src/adapters/speech/openai-speech';
import { missingTools } from '../../src/adapters/speech/run-tool';
import type { TranscriptEntry } from '../../src/simulator';
import { startCollectionsStack, type CollectionsStack } from '../support/collections-stack';
import { debtorProfile, loadTestCampaign, storeCampaignVersion } from '../support/debtor-fixtures';
import { callInput, daytimeZone, runCall } from '../support/call-fixtures';
import { startAudioEndpoint } from '../support/openai-audio-endpoint';
import { silentWav } from '../support/wav-fixtures';

// Calls in the service's own voice (SPEECH_ENGINE=openai or local): every line is a synthesized
// clip the simulator fetches with <Play>, every answer a <Record>ing the service downloads from the
// simulator and transcribes. The simulated person reads a clip's words from its INFO comment.

const MINI_MIRANDA = 'This is an attempt to collect a debt and any information obtained will be used for that purpose.';

function played(transcript: readonly TranscriptEntry[]): string[] {
  return transcript.flatMap((e) => (e.kind === 'service-played' && e.transcript ? [e.transcript] : []));
}

function said(transcript: readonly TranscriptEntry[]): string[] {
  return transcript.flatMap((e) => (e.kind === 'service-said' ? [e.text] : []));
}

describe('a call in the voice of the OpenAI speech engine', () => {
  const campaign = loadTestCampaign('voice-test.yaml');
  let stack: CollectionsStack;
  let endpoint: Awaited<ReturnType<typeof startAudioEndpoint>>;
  const problems: string[] = [];

  beforeAll(async () => {
    // The speech stand-in checks every request; the chat endpoint is down, so the rule engine carries the dialog.
    endpoint = await startAudioEndpoint(async (request) => {
      if (request.authorization !== 'Bearer sk-own-voice') problems.push(`${request.path}: authorization ${request.authorization}`);
      if (request.path === '/v1/audio/speech') {
        const body = request.json ?? {};
        if (body.model !== openAiSpeechDefaults.ttsModel || body.response_format !== 'wav') problems.push(`speech: ${JSON.stringify(body)}`);
        if (typeof body.input !== 'string' || body.input === '') problems.push('speech: no text');
        return { status: 200, body: silentWav(0.2) };
      }
      if (request.path === '/v1/audio/transcriptions') {
        const form = request.form!;
        if (form.get('model') !== openAiSpeechDefaults.asrModel || form.get('language') !== 'en') problems.push(`transcription: model ${String(form.get('model'))}`);
        const recording = readWav(Buffer.from(await (form.get('file') as File).arrayBuffer()));
        if (recording.sampleRate !== 8000) problems.push(`transcription: a recording at ${recording.sampleRate} Hz`);
        // Scripted: the words the simulator's recording carries.
        return { status: 200, body: { text: recording.transcript ?? '' } };
      }
      return { status: 503, body: { error: { message: 'not served by this stand-in' } } };
    });
    stack = await startCollectionsStack('voice-own-speech-openai', {
      env: { SPEECH_ENGINE: 'openai', OPENAI_API_KEY: 'sk-own-voice', OPENAI_BASE_URL: endpoint.baseUrl, OPENAI_TIMEOUT_MS: '2000' },
    });
    await storeCampaignVersion(stack.service.mongo.models, campaign, 1);
  });
  afterAll(async () => {
    await stack?.stop();
    await endpoint?.close();
  });

  it('when the promiser is called, then every line is played from a clip, every answer transcribed, and the promise recorded', async () => {
    const phone = '+12025554001';
    stack.simulator.people.assign(phone, 'promiser');
    const debtor = debtorProfile('acct-own-voice', phone, { timeZone: daytimeZone(), fullName: 'Sam Rivera', firstName: 'Sam', birthYear: 1979, amountDueMinor: 50_000 });
    const callWorkflowId = 'call-test/own-voice-openai';

    const result = await runCall(stack, callWorkflowId, callInput(debtor));

    expect(result).toMatchObject({ status: 'completed', answeredBy: 'human', rightPartyVerified: true, promise: { amountMinor: 20_000 } });
    expect(problems).toEqual([]);
    await stack.simulator.settle();
    const [call] = stack.simulator.store.listCalls({ to: phone });
    const heard = played(call!.transcript);
    expect(said(call!.transcript)).toEqual([]);
    expect(heard.some((line) => line.includes(MINI_MIRANDA))).toBe(true);
    // What was played is what the workflow decided to say, turn by turn; what was heard is what the person said.
    const turns = await stack.service.mongo.models.callTurns.find({ callWorkflowId }).sort({ seq: 1 }).lean();
    expect(heard).toEqual(turns.map((t) => t.said));
    const spoken = call!.transcript.flatMap((e) => (e.kind === 'person-said' ? [e.text] : []));
    expect(turns.map((t) => t.heard).filter((h) => h !== '')).toEqual(spoken.slice(1)); // the first "Hello?" is before any question
    expect(endpoint.seen.filter((r) => r.path === '/v1/audio/transcriptions')).toHaveLength(spoken.length - 1);
    // Each recording was deleted at Twilio once transcribed: the text is all that is kept of it.
    const recordings = call!.transcript.flatMap((e) => (e.kind === 'recording' ? [e.recordingSid] : []));
    expect(recordings).toHaveLength(spoken.length - 1);
    expect(recordings.filter((sid) => !stack.simulator.store.recordingDeleted(sid))).toEqual([]);
    // Each answered turn is timed by stage: transcribing, deciding, synthesizing, and in all.
    for (const turn of turns.slice(1)) expect(Object.keys(turn.latencyMs as object).sort()).toEqual(['decide', 'listen', 'speak', 'total']);
    // The clips are served to Twilio by the service, with their words.
    const clipUrl = call!.transcript.flatMap((e) => (e.kind === 'service-played' && e.url ? [e.url] : []))[0];
    const response = await fetch(clipUrl!);
    expect(response.headers.get('content-type')).toBe('audio/wav');
    expect(readWav(Buffer.from(await response.arrayBuffer())).transcript).toBe(turns[0]!.said);
  });
});

describe('a call in the voice of the offline speech engine (espeak-ng and pocketsphinx)', () => {
  const campaign = loadTestCampaign('voice-test.yaml');
  let stack: CollectionsStack;

  beforeAll(async () => {
    stack = await startCollectionsStack('voice-own-speech-local', { env: { SPEECH_ENGINE: 'local' } });
    await storeCampaignVersion(stack.service.mongo.models, campaign, 1);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  // pocketsphinx's 16 kHz model hears espeak-ng's voice through an 8 kHz telephone recording very
  // poorly ("yes speaking" comes back as "you you"): the call must then stay safe, not succeed.
  it('when the recogniser cannot make out the answers, then the call never gets past verification and says nothing about the debt', async () => {
    expect(await missingTools(['espeak-ng', 'sox', 'pocketsphinx_continuous'])).toEqual([]);
    const phone = '+12025554002';
    stack.simulator.people.assign(phone, {
      description: 'Confirms who they are by voice, then asks not to be called.',
      answers: 'person',
      ringSeconds: 1,
      conversation: {
        rules: [
          { match: 'year of birth|were you born', reply: 'nineteen ninety' },
          { match: 'speak (with|to)|is this', reply: 'yes speaking' },
        ],
        otherwise: 'stop calling me',
      },
    });
    const debtor = debtorProfile('acct-own-voice-local', phone, { timeZone: daytimeZone(), fullName: 'Robin Diaz', firstName: 'Robin', birthYear: 1990 });
    const callWorkflowId = 'call-test/own-voice-local';

    const result = await runCall(stack, callWorkflowId, callInput(debtor));

    expect(result).toMatchObject({ status: 'completed', answeredBy: 'human', rightPartyVerified: false });
    await stack.simulator.settle();
    const [call] = stack.simulator.store.listCalls({ to: phone });
    expect(said(call!.transcript)).toEqual([]);
    const lines = played(call!.transcript);
    expect(lines.length).toBeGreaterThan(1);
    const context = {
      account: { amountDueMinor: debtor.amountDueMinor, currency: debtor.currency, creditorName: campaign.name, dueDate: debtor.dueDate },
      collector: { agentName: 'Sam Taylor', companyName: campaign.name, callbackNumber: '1-800-555-0100' },
    };
    for (const line of lines) expect(mentionsDebtDetail(line, context)).toBe(false);
    // Each recording went through pocketsphinx, whose words (whatever they were) are the turn's.
    const turns = await stack.service.mongo.models.callTurns.find({ callWorkflowId }).sort({ seq: 1 }).lean();
    expect(turns.slice(1).some((t) => t.heard !== '')).toBe(true);
  });
});
