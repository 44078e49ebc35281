import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { typeScriptProcessArgs } from '../../support/ts-process';

const fixture = path.resolve(__dirname, 'slow-shutdown-fixture.ts');

/** Starts the fixture, sends SIGINT at each of `delaysMs` (after the previous one), returns exit code and output. */
async function interrupt(delaysMs: number[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, typeScriptProcessArgs(fixture), { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'exit');
  while (!output.includes('ready')) await once(child.stdout, 'data');
  for (const delay of delaysMs) {
    await new Promise((resolve) => setTimeout(resolve, delay));
    child.kill('SIGINT');
  }
  const [code] = (await exited) as [number | null];
  return { code, output };
}

describe('Ctrl-C', () => {
  it('when the same Ctrl-C arrives twice (relayed by a wrapper as well as from the terminal), then shutdown still finishes and exits 0', async () => {
    const { code, output } = await interrupt([0, 50]);
    expect(output).toContain('closed');
    expect(code).toBe(0);
  });

  it('when Ctrl-C is pressed again while shutdown is under way, then the process exits at once with 130', async () => {
    const { code, output } = await interrupt([0, 1200]);
    expect(output).not.toContain('closed');
    expect(code).toBe(130);
  });
});
