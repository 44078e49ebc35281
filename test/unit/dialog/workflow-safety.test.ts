import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * src/dialog is imported by Temporal workflow code, which must be deterministic: no Node built-ins,
 * no I/O, no clock, no randomness. The workflow bundler would catch some of this late; this catches
 * it on every unit run.
 */
const DIALOG_DIR = join(__dirname, '../../../src/dialog');
const files = readdirSync(DIALOG_DIR).filter((name) => name.endsWith('.ts'));

const FORBIDDEN: ReadonlyArray<[string, RegExp]> = [
  ['the clock', /Date\.now\(|new Date\(|performance\.now|DateTime\.(?:now|local)\(/],
  ['randomness', /Math\.random|crypto\./],
  ['the environment', /process\./],
  ['timers', /setTimeout|setInterval/],
];

describe('src/dialog is workflow-safe', () => {
  it.each(files)('%s imports only zod, luxon and its own modules', (file) => {
    const source = readFileSync(join(DIALOG_DIR, file), 'utf8');
    const imports = [...source.matchAll(/^(?:import|export)\b[^;]*?from '([^']+)';/gm)].map((match) => match[1]);
    expect(imports.filter((name) => !(name?.startsWith('./') || name === 'zod' || name === 'luxon'))).toEqual([]);
    expect(source).not.toMatch(/\brequire\(|\bimport\(/);
  });

  it.each(files)('%s reads no clock, randomness, environment or timers', (file) => {
    const source = readFileSync(join(DIALOG_DIR, file), 'utf8');
    expect(FORBIDDEN.filter(([, pattern]) => pattern.test(source)).map(([what]) => what)).toEqual([]);
  });
});
