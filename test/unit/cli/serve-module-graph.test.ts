import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { typeScriptProcessArgs } from '../../support/ts-process';

const repo = path.resolve(__dirname, '../../..');
const fixture = path.resolve(__dirname, 'module-graph-fixture.ts');

/** The repository's modules (relative paths) loaded by `parley <args>`. */
async function modulesLoadedBy(args: string[]): Promise<string[]> {
  const { stdout } = await promisify(execFile)(process.execPath, [...typeScriptProcessArgs(fixture), ...args], { cwd: repo }).catch(
    (err: Error & { stderr?: string }) => {
      // The CLI's own message and require stack say what failed; its stack frames would only send
      // vitest looking for source maps of the child's files.
      const said = (err.stderr ?? err.message).split('\n').filter((line) => !/^\s+at /.test(line));
      throw new Error(`parley ${args.join(' ')} failed:\n${said.join('\n')}`);
    },
  );
  const listed = /loaded modules: (.*)$/m.exec(stdout);
  if (!listed) throw new Error(`the fixture printed no module list:\n${stdout}`);
  return (JSON.parse(listed[1]!) as string[]).map((file) => path.relative(repo, file)).filter((file) => !file.startsWith('node_modules'));
}

describe('parley serve', () => {
  // Commander answers --help once every module parley.ts imports statically is loaded, so this is the
  // module graph `parley serve` starts with, before it connects to anything.
  it('when parley serve is started, then it loads the service but neither the Twilio simulator nor the embedded dev servers', async () => {
    const loaded = await modulesLoadedBy(['serve', '--help']);
    expect(loaded).toContain(path.join('src', 'service', 'service.ts'));
    const devOnly = [path.join('src', 'simulator') + path.sep, path.join('src', 'dev') + path.sep, path.join('src', 'cli', 'commands', 'dev.command.ts')];
    expect(loaded.filter((file) => devOnly.some((prefix) => file.startsWith(prefix)))).toEqual([]);
    // Loading the whole CLI through tsx takes seconds on a busy 2-core machine.
  }, 60_000);
});
