import OpenAI, { toFile } from 'openai';
import { SpeechEngineError, type SpeechEngine } from './speech-engine';

// OpenAI speech through the official client, against any OpenAI-compatible endpoint: the speech API
// for synthesis (WAV, so <Play> and the local recogniser read it too) and the transcription API for
// recordings. Temporal owns retries (the client's are off) and the client's timeout is below the
// activity's.

export interface OpenAiSpeechConfig {
  apiKey?: string;
  baseUrl?: string;
  timeoutMs: number;
  ttsModel?: string;
  voice?: string;
  asrModel?: string;
}

export const openAiSpeechDefaults = { ttsModel: 'gpt-4o-mini-tts', voice: 'alloy', asrModel: 'gpt-4o-mini-transcribe' } as const;

export function createOpenAiSpeech(config: OpenAiSpeechConfig): SpeechEngine {
  const client = new OpenAI({ apiKey: config.apiKey, baseURL: config.baseUrl, maxRetries: 0, timeout: config.timeoutMs });
  const { ttsModel, voice, asrModel } = { ...openAiSpeechDefaults, ...config };
  return {
    name: 'openai',
    async synthesize(text, _language) {
      // The speech API detects the language from the text itself.
      try {
        const response = await client.audio.speech.create({ model: ttsModel, voice, input: text, response_format: 'wav' });
        return Buffer.from(await response.arrayBuffer());
      } catch (err) {
        throw translate(err);
      }
    },
    async transcribe(audio, options = {}) {
      try {
        const result = await client.audio.transcriptions.create({
          model: asrModel,
          file: await toFile(audio, 'recording.wav', { type: 'audio/wav' }),
          response_format: 'json',
          ...(options.language ? { language: options.language.slice(0, 2) } : {}),
          // The API's way of biasing recognition: a prompt in the audio's language.
          ...(options.hints?.length ? { prompt: options.hints.join(', ') } : {}),
        });
        return { text: result.text.trim() };
      } catch (err) {
        throw translate(err);
      }
    },
  };
}

/** 4xx other than timeout, conflict and rate limit: the request itself is wrong and a retry repeats it. */
function translate(err: unknown): SpeechEngineError {
  if (err instanceof OpenAI.APIError && err.status !== undefined) {
    const retryable = err.status >= 500 || [408, 409, 429].includes(err.status);
    if (err.status === 401 || err.status === 403) return new SpeechEngineError('missing', `OpenAI speech refused the credentials (${err.status})`);
    return new SpeechEngineError(retryable ? 'failed' : 'rejected', `OpenAI speech answered ${err.status}: ${err.message}`);
  }
  return new SpeechEngineError('failed', `OpenAI speech unreachable: ${err instanceof Error ? err.message : String(err)}`);
}
