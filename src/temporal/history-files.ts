import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import type { History, HistoryJson } from './workflow-histories';

// Histories on disk, as `audit export` writes them and `audit replay` reads them: one run per file
// in the JSON of Temporal's CLI, named `<workflow id, URL-encoded>.<run id>.json`, beside a
// manifest.json. A replay needs each history's workflow id (Parley derives keys from it, and the
// JSON of a history does not hold it), so a file that is not in a manifest says it another way.

export const manifestFile = 'manifest.json';

export type PayloadState = 'encrypted' | 'decoded' | 'clear';

export interface ExportedRun {
  workflowId: string;
  runId: string;
  workflowType: string;
  file: string;
  events: number;
  payloads: PayloadState;
}

export interface ExportManifest {
  exportedAt: string;
  /** The visibility query the workflows were found with, or none when they were named. */
  query?: string;
  workflows: number;
  runs: ExportedRun[];
}

/** A file name for one run: the id URL-encoded, so no id can leave the folder or clash with another. */
export function runFileName(workflowId: string, runId: string): string {
  return `${encodeURIComponent(workflowId)}.${runId}.json`;
}

const runFileSuffix = /\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One history file to replay; reading it may fail, which the replay reports against this file. */
export interface HistoryFile {
  file: string;
  /** From the manifest, when the file is listed in one. */
  workflowId?: string;
}

/**
 * The history files a path names: a file, or every .json file under a folder (the manifest's runs
 * first, in its order). Refuses a path that is neither, or a folder without histories.
 */
export function historyFilesAt(target: string): HistoryFile[] {
  const stat = statSync(target, { throwIfNoEntry: false });
  if (!stat) throw new RangeError(`${target}: no such file or folder`);
  if (stat.isFile()) return [{ file: target }];
  const manifestPath = path.join(target, manifestFile);
  const listed = statSync(manifestPath, { throwIfNoEntry: false })
    ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as ExportManifest).runs.map((run) => ({ file: path.join(target, run.file), workflowId: run.workflowId }))
    : [];
  const known = new Set(listed.map((entry) => entry.file));
  const others = (readdirSync(target, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((name) => name.endsWith('.json') && path.basename(name) !== manifestFile)
    .map((name) => path.join(target, name))
    .filter((file) => !known.has(file))
    .sort()
    .map((file) => ({ file }));
  const files = [...listed, ...others];
  if (files.length === 0) throw new RangeError(`${target}: no .json histories in this folder`);
  return files;
}

/**
 * A history file's run: a history (`{"events": [...]}`) whose workflow id comes from the manifest
 * or the file's name, or `{"workflowId", "history"}` as test/golden-histories keeps them.
 */
export function readHistoryFile({ file, workflowId }: HistoryFile): { workflowId: string; history: History } {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { workflowId?: unknown; history?: HistoryJson; events?: unknown };
  const json = parsed.history ?? parsed;
  if (!Array.isArray(json.events) || json.events.length === 0) throw new TypeError('not a workflow history: it has no "events" list');
  const named = typeof parsed.workflowId === 'string' ? parsed.workflowId : workflowId;
  return { workflowId: named ?? decodeURIComponent(path.basename(file, '.json').replace(runFileSuffix, '')), history: historyFromJSON(json) };
}
