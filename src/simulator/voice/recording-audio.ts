import { type ChildProcess, spawn } from 'node:child_process';
import { withTranscript } from '../../audio/wav';

/** espeak-ng or sox is not on PATH: the recording media cannot be made. */
export class MissingToolError extends Error {
  constructor(readonly tool: 'espeak-ng' | 'sox') {
    super(`${tool} is not installed (Debian package ${tool}; scripts/setup.sh installs it): recording media cannot be synthesized`);
    this.name = 'MissingToolError';
  }
}

/**
 * The media of a simulated recording: what the person said, spoken by espeak-ng and converted by
 * sox to what Twilio records (8 kHz mono 16-bit WAV), with the words as its INFO comment so that
 * a transcriber can be checked against them. Text goes through stdin, never as an argument.
 */
export async function synthesizeRecording(text: string, language: string, timeoutMs: number): Promise<Buffer> {
  const voice = language.toLowerCase().startsWith('zh') ? 'cmn' : 'en-us';
  const espeak = spawn('espeak-ng', ['--stdin', '--stdout', '-v', voice], { timeout: timeoutMs });
  const sox = spawn('sox', ['-t', 'wav', '-', '-r', '8000', '-c', '1', '-b', '16', '-t', 'wav', '-'], { timeout: timeoutMs });
  const audio: Buffer[] = [];
  sox.stdout!.on('data', (chunk: Buffer) => audio.push(chunk));
  espeak.stdout!.pipe(sox.stdin!);
  // A tool that fails early closes its pipe; its exit status says why.
  espeak.stdin!.on('error', () => undefined);
  sox.stdin!.on('error', () => undefined);
  espeak.stdin!.end(text);
  try {
    await Promise.all([finished(espeak, 'espeak-ng', timeoutMs), finished(sox, 'sox', timeoutMs)]);
  } catch (error) {
    espeak.kill();
    sox.kill();
    throw error;
  }
  return withTranscript(Buffer.concat(audio), text);
}

function finished(child: ChildProcess, tool: 'espeak-ng' | 'sox', timeoutMs: number): Promise<void> {
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-2_000)));
  return new Promise((resolve, reject) => {
    child.on('error', (error: NodeJS.ErrnoException) => reject(error.code === 'ENOENT' ? new MissingToolError(tool) : error));
    child.on('close', (code, signal) => {
      if (code === 0) return resolve();
      const why = signal ? `was stopped by ${signal} (timeout ${timeoutMs} ms?)` : `exited with ${code}`;
      reject(new Error(`${tool} ${why}: ${stderr.trim().split('\n').slice(-2).join(' | ')}`));
    });
  });
}
