import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config/config';

/**
 * The layout of what `parley dev` keeps in DATA_DIR, raised whenever a version cannot carry on
 * with what an older one left. Format 2: histories recorded under the pre-release patch ids
 * would not replay against workflows without them, and MongoDB's data lives in PostgreSQL.
 */
export const dataFormat = 2;

const formatFile = 'FORMAT';
/** Only these entries are ever deleted by a reset, so a DATA_DIR pointed at a wrong folder loses nothing else. */
const ownEntries = ['temporal', 'ferretdb', 'postgres', 'logs', 'dev-secrets.json', formatFile];

/** Refuses a DATA_DIR written by an earlier format (exit 2 through ConfigError); marks a new one. */
export function claimDataDir(dataDir: string): void {
  const marker = path.join(dataDir, formatFile);
  if (existsSync(marker)) {
    const found = readFileSync(marker, 'utf8').trim();
    if (found === String(dataFormat)) return;
    throw new ConfigError([refusal(dataDir, `format ${found}`)]);
  }
  const earlier = ['temporal', 'ferretdb'].filter((entry) => existsSync(path.join(dataDir, entry)));
  if (earlier.length > 0) throw new ConfigError([refusal(dataDir, `an earlier version's ${earlier.join(' and ')} data`)]);
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(marker, `${dataFormat}\n`);
}

function refusal(dataDir: string, what: string): string {
  return (
    `DATA_DIR: ${dataDir} holds ${what}, which this version of Parley (data format ${dataFormat}) cannot carry on with: ` +
    'it starts workflow histories anew and keeps its database in PostgreSQL. ' +
    'Run `parley dev --reset` (or `npm start -- --reset`) to delete it and start afresh, or set DATA_DIR to another folder.'
  );
}

/** Deletes what `parley dev` keeps in DATA_DIR (servers' data, logs, dev secrets) and nothing else. */
export function resetDataDir(dataDir: string): string[] {
  const removed = ownEntries.filter((entry) => existsSync(path.join(dataDir, entry)));
  for (const entry of removed) rmSync(path.join(dataDir, entry), { recursive: true, force: true });
  return removed;
}
