import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from '../../src/config/config';
import { claimDataDir, dataFormat, resetDataDir } from '../../src/dev/data-dir';

const scratch = () => mkdtempSync(path.join(os.tmpdir(), 'parley-data-dir-'));

describe("parley dev's data directory", () => {
  it('when the directory is new, then it is marked with the current format and accepted again later', () => {
    const dir = path.join(scratch(), '.data');
    claimDataDir(dir);
    expect(readFileSync(path.join(dir, 'FORMAT'), 'utf8').trim()).toBe(String(dataFormat));
    expect(() => claimDataDir(dir)).not.toThrow();
  });

  it('when an earlier version left its Temporal and SQLite data, then the start is refused naming the reset command', () => {
    const dir = scratch();
    mkdirSync(path.join(dir, 'temporal'));
    mkdirSync(path.join(dir, 'ferretdb'));
    expect(() => claimDataDir(dir)).toThrow(ConfigError);
    expect(() => claimDataDir(dir)).toThrow(/DATA_DIR: .* temporal and ferretdb data.*parley dev --reset/);
  });

  it('when the marker names another format, then the start is refused', () => {
    const dir = scratch();
    writeFileSync(path.join(dir, 'FORMAT'), '1\n');
    expect(() => claimDataDir(dir)).toThrow(/holds format 1/);
  });

  it("when reset, then the servers' data, logs and secrets go, anything else stays, and the directory can be claimed", () => {
    const dir = scratch();
    for (const entry of ['temporal', 'ferretdb', 'postgres', 'logs']) mkdirSync(path.join(dir, entry));
    writeFileSync(path.join(dir, 'dev-secrets.json'), '{}');
    writeFileSync(path.join(dir, 'notes.txt'), 'mine');

    expect(resetDataDir(dir).sort()).toEqual(['dev-secrets.json', 'ferretdb', 'logs', 'postgres', 'temporal']);
    expect(existsSync(path.join(dir, 'notes.txt'))).toBe(true);
    expect(existsSync(path.join(dir, 'temporal'))).toBe(false);
    expect(() => claimDataDir(dir)).not.toThrow();
  });
});
