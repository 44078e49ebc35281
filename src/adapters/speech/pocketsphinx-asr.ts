import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runTool } from './run-tool';
import { SpeechEngineError, type SpeechRecognizer, type TranscribeOptions } from './speech-engine';

// Offline recognition with pocketsphinx 0.8+5prealpha (Debian packages pocketsphinx and
// pocketsphinx-en-us): `pocketsphinx_continuous -infile x.wav` wants 16 kHz mono 16-bit WAV, so sox
// converts whatever arrives (Twilio recordings are 8 kHz). US English only.
//
// The general language model recognises open speech poorly (synthetic speech especially), so, like
// Gather's `hints`, the words expected at this point of the script can be passed: they become a
// JSGF grammar (any sequence of those words and phrases) and recognition is confined to them.

export interface PocketsphinxOptions {
  /** Where pocketsphinx-en-us installs the model. */
  modelDir?: string;
  timeoutMs?: number;
}

export function createPocketsphinxRecognizer(options: PocketsphinxOptions = {}): SpeechRecognizer {
  const modelDir = options.modelDir ?? '/usr/share/pocketsphinx/model/en-us';
  const timeoutMs = options.timeoutMs ?? 30_000;
  const model = { hmm: path.join(modelDir, 'en-us'), lm: path.join(modelDir, 'en-us.lm.bin'), dict: path.join(modelDir, 'cmudict-en-us.dict') };
  let dictionary: Promise<Set<string>> | undefined;

  async function requireModel(): Promise<void> {
    try {
      await Promise.all([access(model.hmm), access(model.lm), access(model.dict)]);
    } catch {
      throw new SpeechEngineError('missing', `the pocketsphinx US English model is not in ${modelDir} (Debian package pocketsphinx-en-us; scripts/setup.sh installs it)`);
    }
  }

  /** The words the acoustic model can spell: a grammar naming any other word fails to load. */
  function knownWords(): Promise<Set<string>> {
    dictionary ??= readFile(model.dict, 'utf8').then((text) => new Set(text.split('\n').map((line) => line.split(/\s/, 1)[0]!.replace(/\(\d+\)$/, ''))));
    return dictionary;
  }

  async function grammarFor(hints: readonly string[]): Promise<string | undefined> {
    const known = await knownWords();
    const items = new Set<string>();
    for (const hint of hints) {
      const words = hint.toLowerCase().replace(/[^a-z' ]+/g, ' ').trim().split(/\s+/).filter((w) => w !== '');
      const spelled = words.filter((w) => known.has(w));
      for (const w of spelled) items.add(w);
      if (words.length > 1 && spelled.length === words.length) items.add(words.join(' '));
    }
    if (items.size === 0) return undefined;
    return `#JSGF V1.0;\ngrammar hints;\npublic <utterance> = <item>+;\n<item> = ${[...items].join(' | ')};\n`;
  }

  return {
    async transcribe(audio: Buffer, options: TranscribeOptions = {}) {
      if (options.language !== undefined && options.language !== 'en-US') {
        throw new SpeechEngineError('rejected', `the local recogniser has a US English model only, not ${options.language}`);
      }
      await requireModel();
      const dir = await mkdtemp(path.join(os.tmpdir(), 'parley-asr-'));
      try {
        const input = path.join(dir, 'in.wav');
        const wav = path.join(dir, 'speech.wav'); // pocketsphinx skips the header only for a .wav name
        await writeFile(input, audio);
        try {
          await runTool('sox', ['-D', input, '-r', '16000', '-c', '1', '-b', '16', '-e', 'signed-integer', wav], { timeoutMs });
        } catch (err) {
          if (err instanceof SpeechEngineError && err.kind === 'failed') throw new SpeechEngineError('rejected', `not a readable audio file: ${err.message}`);
          throw err;
        }
        const args = ['-infile', wav, '-hmm', model.hmm, '-dict', model.dict];
        const grammar = options.hints ? await grammarFor(options.hints) : undefined;
        if (grammar) {
          await writeFile(path.join(dir, 'hints.gram'), grammar);
          args.push('-jsgf', path.join(dir, 'hints.gram'));
        } else {
          args.push('-lm', model.lm);
        }
        const { stdout } = await runTool('pocketsphinx_continuous', args, { timeoutMs });
        // One line per utterance the voice activity detector found.
        return { text: stdout.split('\n').map((l) => l.trim()).filter((l) => l !== '').join(' ') };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
