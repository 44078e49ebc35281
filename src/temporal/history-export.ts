import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { encryptedEncoding } from './codec/encryption-codec';
import { decodeHistoryJson, workflowRunHistories, type HistoryJson, type RunHistory } from './workflow-histories';
import { manifestFile, runFileName, type ExportedRun, type ExportManifest, type PayloadState } from './history-files';

// An auditor's copy of workflow histories: every run of each workflow, as the server stores it
// (encrypted, when the service encrypts) or decoded with the service's codec.

export interface ExportOptions {
  outDir: string;
  /** The codecs to decode payloads with; none: payloads are written as stored. */
  decodeWith?: readonly PayloadCodec[];
  /** The visibility query the ids came from, for the manifest. */
  query?: string;
  onWorkflowDone?: (workflowId: string, runs: number) => void;
}

/** A few histories fetched at once: enough to hide the server's latency, few enough not to load it. */
const concurrentFetches = 4;

const encryptedPayload = new RegExp(`"encoding":\\s*"${Buffer.from(encryptedEncoding).toString('base64')}"`);

/** Refuses a folder that already holds files, so one export never mixes with another. */
export function checkOutDir(outDir: string): void {
  if (readdirSync(outDir).length > 0) throw new RangeError(`--out: ${outDir} is not empty; export into a new folder`);
}

/** Writes every run of every workflow to `outDir`, one file per run, and the manifest. */
export async function exportHistories(client: Client, workflowIds: readonly string[], options: ExportOptions): Promise<ExportManifest> {
  mkdirSync(options.outDir, { recursive: true });
  checkOutDir(options.outDir);
  const exportedAt = new Date().toISOString();
  const runsByWorkflow = new Map<string, ExportedRun[]>();
  const queue = [...workflowIds];
  const fetcher = async () => {
    for (let workflowId = queue.shift(); workflowId !== undefined; workflowId = queue.shift()) {
      const runs = await workflowRunHistories(client, workflowId);
      runsByWorkflow.set(workflowId, await Promise.all(runs.map((run) => writeRun(run, options))));
      options.onWorkflowDone?.(workflowId, runs.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrentFetches, workflowIds.length) }, fetcher));
  const manifest: ExportManifest = {
    exportedAt,
    ...(options.query ? { query: options.query } : {}),
    workflows: workflowIds.length,
    runs: workflowIds.flatMap((id) => runsByWorkflow.get(id) ?? []),
  };
  writeFileSync(path.join(options.outDir, manifestFile), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

async function writeRun(run: RunHistory, options: ExportOptions): Promise<ExportedRun> {
  const stored = JSON.parse(historyToJSON(run.history)) as HistoryJson;
  const json = options.decodeWith ? await decodeHistoryJson(stored, options.decodeWith) : stored;
  const text = JSON.stringify(json, null, 2);
  const file = runFileName(run.workflowId, run.runId);
  writeFileSync(path.join(options.outDir, file), `${text}\n`);
  const payloads: PayloadState = encryptedPayload.test(text) ? 'encrypted' : options.decodeWith ? 'decoded' : 'clear';
  const workflowType = run.history.events?.[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name ?? '';
  return { workflowId: run.workflowId, runId: run.runId, workflowType, file, events: run.history.events?.length ?? 0, payloads };
}
