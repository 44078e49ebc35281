import type { Config } from '../../config/config';
import { createEspeakSynthesizer } from './espeak-tts';
import { createOpenAiSpeech } from './openai-speech';
import { createPocketsphinxRecognizer } from './pocketsphinx-asr';
import type { SpeechEngine } from './speech-engine';

/**
 * The speech engine SPEECH_ENGINE names. 'twilio' (the default) returns none: the call speaks with
 * <Say> and listens with <Gather input="speech">, and the speech activities are not used.
 */
export function createSpeechEngine(config: Pick<Config, 'speech' | 'openai'>): SpeechEngine | undefined {
  switch (config.speech.engine) {
    case 'twilio':
      return undefined;
    case 'local': {
      const tts = createEspeakSynthesizer();
      const asr = createPocketsphinxRecognizer();
      return { name: 'local', synthesize: (text, language) => tts.synthesize(text, language), transcribe: (audio, options) => asr.transcribe(audio, options) };
    }
    case 'openai':
      return createOpenAiSpeech({ apiKey: config.openai.apiKey, baseUrl: config.openai.baseUrl, timeoutMs: config.openai.timeoutMs });
  }
}
