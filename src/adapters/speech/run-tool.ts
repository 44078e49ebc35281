import { spawn } from 'node:child_process';
import { SpeechEngineError } from './speech-engine';

// Runs one local speech tool (espeak-ng, sox, pocketsphinx) without a shell: arguments are passed
// as they are, text goes through stdin, so nothing a caller says can become an option or a command.

export interface ToolResult {
  stdout: string;
  stderr: string;
}

/** Installed by scripts/setup.sh (Debian packages); named in the error when missing. */
const packageOf: Record<string, string> = {
  'espeak-ng': 'espeak-ng',
  sox: 'sox',
  pocketsphinx_continuous: 'pocketsphinx',
};

export function runTool(command: string, args: readonly string[], options: { input?: string; timeoutMs: number }): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], timeout: options.timeoutMs });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4_000)));
    child.on('error', (err: NodeJS.ErrnoException) => {
      const pkg = packageOf[command] ?? command;
      reject(
        err.code === 'ENOENT'
          ? new SpeechEngineError('missing', `${command} is not installed (Debian package ${pkg}; scripts/setup.sh installs it)`)
          : new SpeechEngineError('failed', `${command} could not start: ${err.message}`),
      );
    });
    child.on('close', (code, signal) => {
      if (code === 0) return resolve({ stdout, stderr });
      const why = signal ? `was stopped by ${signal} (timeout ${options.timeoutMs} ms?)` : `exited with ${code}`;
      reject(new SpeechEngineError('failed', `${command} ${why}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`));
    });
    child.stdin.on('error', () => undefined); // a tool that exits early closes its stdin; the exit code tells why
    child.stdin.end(options.input ?? '');
  });
}

/** The tools among `commands` that are not on PATH. */
export async function missingTools(commands: readonly string[]): Promise<string[]> {
  const missing: string[] = [];
  for (const command of commands) {
    const found = await new Promise<boolean>((resolve) => {
      const child = spawn('sh', ['-c', 'command -v "$1"', 'sh', command], { stdio: 'ignore' });
      child.on('error', () => resolve(false));
      child.on('close', (code) => resolve(code === 0));
    });
    if (!found) missing.push(`${command} (Debian package ${packageOf[command] ?? command})`);
  }
  return missing;
}
