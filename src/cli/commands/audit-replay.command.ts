import type { Command } from 'commander';
import type { Client } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import { ConfigError, type Config } from '../../config/config';
import { createLogger } from '../../logging/logger';
import { installTemporalRuntimeLogger } from '../../logging/temporal-runtime-logger';
import { parleyDataConverter } from '../../temporal/codec/data-converter';
import { historyFilesAt, readHistoryFile } from '../../temporal/history-files';
import { replayHistories, type ReplayItem, type ReplayOutcome, type ReplayStatus } from '../../temporal/history-replay';
import { workflowRunHistories } from '../../temporal/workflow-histories';
import { progressBar } from '../progress-bar';
import { badInput, selectedIds, selectionFrom, withSelectionOptions, type SelectionOptions } from './audit-selection';
import { auditPayloadKeys, withTemporal } from './service-connections';

interface ReplayCommandOptions extends SelectionOptions {
  json?: boolean;
}

/**
 * `parley audit replay`: do these histories replay against this build's workflow code? The deploy
 * gate: exit 0 when every one passes, 1 when any diverged or failed, 2 when the input is bad.
 */
export function auditReplayCommand(audit: Command, config: () => Config): void {
  withSelectionOptions(
    audit
      .command('replay')
      .description(
        "replay workflow histories against this build's workflow code with Temporal's replayer: each one passes, or diverges at the event where code and history part. " +
          'Exit code 1 when any diverged or failed, 2 for bad input.',
      )
      .argument('[path]', 'a history file, or a folder of them (as `audit export` writes; any .json history whose name is its URL-encoded workflow id also works)'),
  )
    .option('--json', 'print the outcomes as JSON')
    .action(async (target: string | undefined, opts: ReplayCommandOptions) => {
      const selection = selectionFrom(opts);
      if ((target === undefined) === (selection === undefined)) throw new ConfigError(['path, --workflow, --campaign, --survey or --query: name the histories to replay, one way']);
      const c = config();
      // The report says what went wrong with each history; the SDK's own lines would repeat it.
      installTemporalRuntimeLogger(createLogger('fatal', { pretty: false }));
      const codecs = parleyDataConverter(auditPayloadKeys(c))?.payloadCodecs ?? [];
      const outcomes = selection
        ? await withTemporal(c, async (client) => replayAll(serverItems(client, await selectedIds(client, selection)), codecs))
        : await replayAll(fileItems(target!), codecs);
      process.stdout.write(opts.json ? `${JSON.stringify({ ...counts(outcomes), histories: outcomes })}\n` : report(outcomes));
      process.exitCode = exitCode(outcomes);
    });
}

function fileItems(target: string): ReplayItem[] {
  return badInput('path', () => historyFilesAt(target)).map((entry) => ({ source: entry.file, runs: async () => [readHistoryFile(entry)] }));
}

function serverItems(client: Client, workflowIds: string[]): ReplayItem[] {
  return workflowIds.map((workflowId) => ({ source: workflowId, runs: () => workflowRunHistories(client, workflowId) }));
}

async function replayAll(items: ReplayItem[], codecs: readonly PayloadCodec[]): Promise<ReplayOutcome[]> {
  const bar = progressBar('replaying', items.length);
  const outcomes: ReplayOutcome[] = [];
  try {
    for await (const outcome of replayHistories(items, { codecs, onItemDone: () => bar.increment() })) outcomes.push(outcome);
  } finally {
    bar.stop();
  }
  return outcomes;
}

const statuses: readonly ReplayStatus[] = ['passed', 'diverged', 'failed', 'unreadable'];

function counts(outcomes: readonly ReplayOutcome[]): Record<ReplayStatus, number> & { replayed: number } {
  const tally = Object.fromEntries(statuses.map((status) => [status, outcomes.filter((o) => o.status === status).length])) as Record<ReplayStatus, number>;
  return { replayed: outcomes.length, ...tally };
}

function report(outcomes: readonly ReplayOutcome[]): string {
  const lines = outcomes.map((o) => {
    const run = o.runId ? ` (run ${o.runId})` : '';
    const where = o.event ? ` at event ${o.event.id} ${o.event.type}${o.event.detail ? ` (${o.event.detail})` : ''}` : '';
    return `${o.status.padEnd(10)} ${o.source}${run}${where}${o.reason ? `: ${o.reason}` : ''}`;
  });
  const tally = counts(outcomes);
  lines.push(`${tally.replayed} histories: ${statuses.map((status) => `${tally[status]} ${status}`).join(', ')}`);
  return `${lines.join('\n')}\n`;
}

function exitCode(outcomes: readonly ReplayOutcome[]): number {
  if (outcomes.some((o) => o.status === 'diverged' || o.status === 'failed')) return 1;
  return outcomes.some((o) => o.status === 'unreadable') ? 2 : 0;
}
