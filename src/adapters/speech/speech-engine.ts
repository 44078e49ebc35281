// What the call needs from a speech engine other than Twilio's own <Say>/<Gather input="speech">:
// text to audio that <Play> can fetch, and a recording back to text. Each engine lives in its own
// adapter file (espeak-tts.ts + pocketsphinx-asr.ts, openai-speech.ts); nothing else knows them.

/** The languages Parley ships wording for. */
export type SpeechLanguage = 'en-US' | 'zh-CN';

export interface Transcript {
  text: string;
  /** 0..1 when the engine reports one. */
  confidence?: number;
}

export interface TranscribeOptions {
  language?: SpeechLanguage;
  /** Words and phrases the caller is likely to say at this point of the script (like Gather's hints). */
  hints?: readonly string[];
}

export interface SpeechSynthesizer {
  /** WAV bytes (RIFF, PCM), ready to be served to Twilio's <Play>. */
  synthesize(text: string, language: SpeechLanguage): Promise<Buffer>;
}

export interface SpeechRecognizer {
  /** `audio` is a WAV file (any rate; engines convert what they need). */
  transcribe(audio: Buffer, options?: TranscribeOptions): Promise<Transcript>;
}

export interface SpeechEngine extends SpeechSynthesizer, SpeechRecognizer {
  readonly name: 'local' | 'openai';
}

/**
 * A speech engine's failure, translated from the vendor's: `missing` (a tool or credential is not
 * installed or configured), `rejected` (this input can never succeed), `failed` (may succeed on a
 * retry). The activities turn these into Temporal failures with explicit type strings.
 */
export class SpeechEngineError extends Error {
  constructor(
    readonly kind: 'missing' | 'rejected' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'SpeechEngineError';
  }
}
