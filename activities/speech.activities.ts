import { ApplicationFailure } from '@temporalio/activity';
import type { Repositories } from '../src/adapters/mongo/repositories';
import { withTranscript } from '../src/audio/wav';
import { SpeechEngineError, type SpeechEngine, type SpeechLanguage, type Transcript } from '../src/adapters/speech/speech-engine';
import { RecordingUnavailableError, type RecordingFetcher } from '../src/adapters/twilio/twilio-recordings';
import { redactAcrossTurns } from '../src/policy/redaction';

// Speech through a pluggable engine (SPEECH_ENGINE=local or openai), for calls that <Play> the
// service's own audio and transcribe a <Record>ing instead of Twilio's <Say>/<Gather input="speech">.
// Audio never enters workflow payloads: clips are stored in MongoDB and passed by id.

export interface SpeechDeps {
  repositories: Pick<Repositories, 'speechClips'>;
  publicBaseUrl: string;
  /** Unset (SPEECH_ENGINE=twilio): Twilio speaks and listens; these activities refuse to run. */
  engine?: SpeechEngine;
  /** Downloads a Twilio recording; unset without Twilio credentials. */
  recordings?: RecordingFetcher;
}

export interface SynthesizeSpeechInput {
  text: string;
  language: SpeechLanguage;
  /** Idempotency key, e.g. `<CallSid>/turn/<n>`: a retry returns the clip stored the first time. */
  key: string;
}

export interface SpeechClipRef {
  clipId: string;
  /** What <Play> fetches. */
  url: string;
}

export type TranscribeRecordingInput = ({ recordingUrl: string } | { clipId: string }) & {
  language?: SpeechLanguage;
  hints?: string[];
  /** What the caller said in the turn before (as stored, redacted): a number may begin there. */
  previousHeard?: string;
};

/** A reply longer than this is a script bug, not a turn; at 16 kHz 16-bit a clip of 1 MB is about 30 s. */
export const maxSpeechTextChars = 1_000;
export const maxClipBytes = 1_048_576;

export function audioUrl(publicBaseUrl: string, clipId: string): string {
  return `${publicBaseUrl}/audio/${clipId}`;
}

export function createSpeechActivities(deps: SpeechDeps) {
  const { speechClips } = deps.repositories;

  function requireEngine(): SpeechEngine {
    if (!deps.engine) throw ApplicationFailure.nonRetryable('no speech engine is configured (SPEECH_ENGINE=twilio)', 'SpeechEngineNotConfigured');
    return deps.engine;
  }

  function requireRecordings(): RecordingFetcher {
    if (!deps.recordings) throw ApplicationFailure.nonRetryable('recordings cannot be fetched without Twilio credentials', 'RecordingUnavailable');
    return deps.recordings;
  }

  async function clipByKey(key: string): Promise<SpeechClipRef | undefined> {
    const clipId = await speechClips.clipIdFor(key);
    return clipId ? { clipId, url: audioUrl(deps.publicBaseUrl, clipId) } : undefined;
  }

  return {
    /** Text to a stored WAV clip; the same key never stores a second clip (or synthesizes again once stored). */
    async synthesizeSpeech(input: SynthesizeSpeechInput): Promise<SpeechClipRef> {
      if (input.text.length > maxSpeechTextChars) {
        throw ApplicationFailure.nonRetryable(`reply of ${input.text.length} characters is longer than ${maxSpeechTextChars}`, 'SpeechInputRejected');
      }
      const stored = await clipByKey(input.key);
      if (stored) return stored;
      const engine = requireEngine();
      const audio = labelled(await speechCall(() => engine.synthesize(input.text, input.language)), input.text);
      if (audio.length > maxClipBytes) throw ApplicationFailure.nonRetryable(`clip of ${audio.length} bytes is larger than ${maxClipBytes}`, 'SpeechInputRejected');
      await speechClips.storeOnce({ key: input.key, language: input.language, engine: engine.name, contentType: 'audio/wav', audio });
      const clip = await clipByKey(input.key);
      if (!clip) throw ApplicationFailure.retryable(`clip ${input.key} was not stored`, 'SpeechClipMissing');
      return clip;
    },

    /**
     * A Twilio recording (or a stored clip) to text, redacted before it enters the workflow's
     * history; with the previous turn's words, so a number said over both turns is found too. A
     * Twilio recording is deleted once transcribed: the text is all the service keeps of it.
     */
    async transcribeRecording(input: TranscribeRecordingInput): Promise<Transcript & { previousHeard?: string }> {
      const engine = requireEngine();
      let audio: Buffer;
      if ('clipId' in input) {
        const clip = await speechClips.audio(input.clipId);
        if (!clip) throw ApplicationFailure.nonRetryable(`no speech clip ${input.clipId}`, 'SpeechClipMissing');
        audio = clip.audio;
      } else {
        audio = await speechCall(() => requireRecordings().fetchWav(input.recordingUrl));
      }
      const transcript = await speechCall(() => engine.transcribe(audio, { language: input.language, hints: input.hints }));
      if ('recordingUrl' in input) await speechCall(() => requireRecordings().deleteRecording(input.recordingUrl));
      const previous = input.previousHeard ?? '';
      const said = redactAcrossTurns(previous, transcript.text);
      return { ...transcript, text: said.current, ...(said.previous !== previous ? { previousHeard: said.previous } : {}) };
    },
  };
}

/**
 * The clip with its words as a RIFF INFO comment, which players ignore: whoever has the file (an
 * auditor, the simulated caller) can read what it says. Audio that is not a WAV is kept as it is.
 */
function labelled(audio: Buffer, text: string): Buffer {
  try {
    return withTranscript(audio, text);
  } catch {
    return audio;
  }
}

/** Engine and recording failures become Temporal failures with explicit types: a retry helps only `failed`. */
async function speechCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof SpeechEngineError) {
      if (err.kind === 'missing') throw ApplicationFailure.nonRetryable(err.message, 'SpeechEngineMissing');
      if (err.kind === 'rejected') throw ApplicationFailure.nonRetryable(err.message, 'SpeechInputRejected');
      throw ApplicationFailure.retryable(err.message, 'SpeechEngineFailed');
    }
    if (err instanceof RecordingUnavailableError) {
      throw err.retryable ? ApplicationFailure.retryable(err.message, 'RecordingUnavailable') : ApplicationFailure.nonRetryable(err.message, 'RecordingUnavailable');
    }
    throw err;
  }
}
