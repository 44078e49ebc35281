import type { Command } from 'commander';
import { ConfigError } from '../../config/config';
import type { Client } from '@temporalio/client';
import { selectedWorkflowIds, visibilityQuery, type HistorySelection } from '../../temporal/history-selection';

// The options `audit export` and `audit replay` share to name the workflows they work on.

export interface SelectionOptions {
  workflow: string[];
  campaign?: string;
  survey?: string;
  from?: string;
  to?: string;
  calls: boolean;
  query?: string;
}

export function withSelectionOptions(command: Command): Command {
  return command
    .option('--workflow <id>', 'a workflow id (repeat for more)', (id: string, ids: string[]) => [...ids, id], [])
    .option('--campaign <id>', "a campaign's debtors, and their calls, whose workflows started from --from to --to")
    .option('--survey <id>', "a survey's respondents, and their calls, whose workflows started from --from to --to")
    .option('--from <time>', 'with --campaign or --survey: the start of the range, ISO 8601 (2026-11-23T00:00:00Z)')
    .option('--to <time>', 'with --campaign or --survey: the end of the range, ISO 8601 (default: now)')
    .option('--no-calls', "with --campaign or --survey: the people's own workflows, without their calls")
    .option('--query <query>', `any Temporal visibility query, e.g. "WorkflowType = 'callWorkflow' AND StartTime > '2026-11-23T00:00:00Z'"`);
}

function time(value: string | undefined, option: string): Date | undefined {
  if (value === undefined) return undefined;
  const parsed = /^\d{4}-\d{2}-\d{2}/.test(value) ? new Date(value) : new Date(NaN);
  if (Number.isNaN(parsed.getTime())) throw new ConfigError([`${option}: '${value}' is not an ISO 8601 time (2026-11-23T00:00:00Z)`]);
  return parsed;
}

/** The selection the options name, or undefined when they name none; exactly one way to select is allowed. */
export function selectionFrom(opts: SelectionOptions): HistorySelection | undefined {
  const ways = [opts.workflow.length > 0 && '--workflow', opts.campaign !== undefined && '--campaign', opts.survey !== undefined && '--survey', opts.query !== undefined && '--query'].filter(Boolean);
  if (ways.length > 1) throw new ConfigError([`${ways.join(', ')}: choose one way to name the workflows`]);
  const from = time(opts.from, '--from');
  const to = time(opts.to, '--to') ?? new Date();
  const ranged = opts.campaign ?? opts.survey;
  if (ranged === undefined && (opts.from !== undefined || opts.to !== undefined)) throw new ConfigError(['--from, --to: only with --campaign or --survey']);
  if (opts.workflow.length > 0) return { kind: 'workflows', workflowIds: opts.workflow };
  if (opts.query !== undefined) return { kind: 'query', query: opts.query };
  if (ranged === undefined) return undefined;
  if (!from) throw new ConfigError([`--from: required with ${opts.campaign !== undefined ? '--campaign' : '--survey'} (the start of the range, ISO 8601)`]);
  if (from >= to) throw new ConfigError([`--from: ${from.toISOString()} is not before --to ${to.toISOString()}`]);
  const selection: HistorySelection = { kind: opts.campaign !== undefined ? 'campaign' : 'survey', id: ranged, from, to, withCalls: opts.calls };
  badInput(undefined, () => visibilityQuery(selection));
  return selection;
}

/** Runs `work`; an input it cannot take (a RangeError) becomes bad input, exit code 2, naming the option. */
export function badInput<T>(option: string | undefined, work: () => T): T {
  try {
    return work();
  } catch (err) {
    throw err instanceof RangeError ? new ConfigError([option ? `${option}: ${err.message}` : err.message]) : err;
  }
}

/** The selected workflow ids; none is bad input, as is a named workflow the server does not have. */
export async function selectedIds(client: Client, selection: HistorySelection): Promise<string[]> {
  let ids: string[];
  try {
    ids = await selectedWorkflowIds(client, selection);
  } catch (err) {
    throw err instanceof RangeError ? new ConfigError([`--workflow: ${err.message}`]) : err;
  }
  if (ids.length === 0) throw new ConfigError(['no workflow matches: nothing to do']);
  return ids;
}
