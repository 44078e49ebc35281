import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runTool } from './run-tool';
import { SpeechEngineError, type SpeechLanguage, type SpeechSynthesizer } from './speech-engine';

// Offline synthesis with espeak-ng (Debian package espeak-ng), converted by sox to 16 kHz mono
// 16-bit PCM WAV: what pocketsphinx reads, and a format Twilio's <Play> accepts. The Klatt variant
// is used because it is the espeak-ng rendering a recogniser understands best (the default voice
// is barely recognisable to pocketsphinx), and sox runs without dither (-D) so the same text always
// gives the same bytes. klatt3 at pitch 60 and 150 wpm sits in the middle of the settings whose
// output pocketsphinx (with hints) recognises best; nearby settings of other variants do worse.

export interface EspeakOptions {
  /** espeak-ng voice variant appended to the language voice (`en-us+klatt3`). */
  variant?: string;
  wordsPerMinute?: number;
  /** 0..99 */
  pitch?: number;
  timeoutMs?: number;
}

const voices: Record<SpeechLanguage, string> = { 'en-US': 'en-us', 'zh-CN': 'cmn' };

export function createEspeakSynthesizer(options: EspeakOptions = {}): SpeechSynthesizer {
  const { variant = 'klatt3', wordsPerMinute = 150, pitch = 60, timeoutMs = 20_000 } = options;
  return {
    async synthesize(text, language) {
      if (text.trim() === '') throw new SpeechEngineError('rejected', 'nothing to say');
      const dir = await mkdtemp(path.join(os.tmpdir(), 'parley-tts-'));
      try {
        const raw = path.join(dir, 'espeak.wav');
        const wav = path.join(dir, 'out.wav');
        const voice = `${voices[language]}+${variant}`;
        await runTool('espeak-ng', ['--stdin', '-v', voice, '-s', String(wordsPerMinute), '-p', String(pitch), '-w', raw], { input: text, timeoutMs });
        await runTool('sox', ['-D', raw, '-r', '16000', '-c', '1', '-b', '16', '-e', 'signed-integer', wav, 'pad', '0.3', '0.3'], { timeoutMs });
        return await readFile(wav);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
