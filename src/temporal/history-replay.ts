import type { HistoryAndWorkflowId } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import { DeterminismViolationError } from '@temporalio/workflow';
import { Worker, type ReplayResult } from '@temporalio/worker';
import { workflowsPath as serviceWorkflowsPath } from './worker';
import type { History } from './workflow-histories';
import { divergedEvent, eventTypeName, replayReason, type DivergedEvent, type HistoryEvent } from './replay-divergence';

// Does today's workflow code reproduce these histories? Each run is replayed by the SDK's
// replayer against the workflow bundle, as a worker would on picking the workflow up after a
// deploy: a history the code no longer reproduces would fail its next workflow task in production.

export interface ReplayRun {
  workflowId: string;
  runId?: string;
  history: History;
}

/** What is replayed and reported under one name: a history file, or a workflow id and all its runs. */
export interface ReplayItem {
  source: string;
  /** Reading may fail (a file that is not a history, a workflow gone): the item is then reported unreadable. */
  runs(): Promise<ReplayRun[]>;
}

/**
 * passed: the code gives the history's commands. diverged: it gives other ones (a determinism
 * violation). failed: the replay could not finish (workflow code threw, a payload key is missing,
 * the history is malformed). unreadable: no history to replay.
 */
export type ReplayStatus = 'passed' | 'diverged' | 'failed' | 'unreadable';

export interface ReplayOutcome {
  source: string;
  workflowId?: string;
  runId?: string;
  status: ReplayStatus;
  /** Where code and history part (diverged or failed). */
  event?: DivergedEvent;
  reason?: string;
}

export interface ReplayOptions {
  /** The workflows to replay against; the service's own by default. */
  workflowsPath?: string;
  /** The service's payload codecs, for encrypted histories. */
  codecs?: readonly PayloadCodec[];
  onItemDone?: () => void;
}

/**
 * Replays every run of every item with one replay worker (one bundle of the workflow code, each
 * history after the other), yielding each run's outcome. A run that does not replay is replayed
 * again on the same worker cut short at ever fewer workflow tasks (a bisection) to find the task
 * whose commands the code no longer gives; its event is then picked from core's reason.
 */
export async function* replayHistories(items: AsyncIterable<ReplayItem> | Iterable<ReplayItem>, options: ReplayOptions = {}): AsyncGenerator<ReplayOutcome> {
  const outcomes: ReplayOutcome[] = [];
  let latest: ReplayResult | undefined;
  const latestError = () => latest?.error;

  async function* feed(): AsyncGenerator<HistoryAndWorkflowId> {
    for await (const item of items) {
      let runs: ReplayRun[];
      try {
        runs = await item.runs();
      } catch (err) {
        outcomes.push({ source: item.source, status: 'unreadable', reason: err instanceof Error ? err.message : String(err) });
        options.onItemDone?.();
        continue;
      }
      for (const run of runs) {
        yield { workflowId: run.workflowId, history: run.history };
        const error = latestError();
        const ids = { source: item.source, workflowId: run.workflowId, runId: run.runId ?? latest?.runId };
        if (!error) {
          outcomes.push({ ...ids, status: 'passed' });
          continue;
        }
        const reason = replayReason(error.message);
        const failedAsTheRun = () => {
          const probe = latestError();
          return probe !== undefined && replayReason(probe.message) === reason;
        };
        const task = yield* failingTask(run, failedAsTheRun);
        const event = divergedEvent(run.history.events ?? [], task, reason);
        outcomes.push({ ...ids, status: error instanceof DeterminismViolationError ? 'diverged' : 'failed', ...(event ? { event } : {}), reason });
      }
      options.onItemDone?.();
    }
  }

  // Replay happens on this machine only, so failures the code raises need no encrypting on their
  // way to core: without the service's failure converter their messages stay readable here.
  const dataConverter = options.codecs?.length ? { dataConverter: { payloadCodecs: [...options.codecs] } } : {};
  const replays = Worker.runReplayHistories({ workflowsPath: options.workflowsPath ?? serviceWorkflowsPath, replayName: 'parley-audit-replay', ...dataConverter }, feed());
  for await (const result of replays) {
    latest = result;
    yield* outcomes.splice(0);
  }
  yield* outcomes.splice(0);
}

/**
 * The events of the first workflow task whose replay fails as the whole run's did: the run is
 * replayed up to the start of ever fewer tasks (a replay checks the commands of every task before
 * the last one), halving the range each time, so a run of n tasks takes about log2(n) short
 * replays. A short replay can fail for its own reason, as its last task runs for real: one that
 * calls a local activity finds none on a replayer. That counts as reproducing the history.
 */
async function* failingTask(run: ReplayRun, failedAsTheRun: () => boolean): AsyncGenerator<HistoryAndWorkflowId, HistoryEvent[]> {
  const events = run.history.events ?? [];
  const starts = events.flatMap((event, index) => (eventTypeName(event) === 'WorkflowTaskStarted' ? [index] : []));
  // Invariant: the history up to starts[hi] (the whole history when hi is starts.length) fails, and up to any start before lo passes.
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    yield { workflowId: run.workflowId, history: { events: events.slice(0, starts[mid]! + 1) } };
    if (failedAsTheRun()) hi = mid;
    else lo = mid + 1;
  }
  const from = lo > 0 ? starts[lo - 1]! + 1 : 0;
  const to = lo < starts.length ? starts[lo]! + 1 : events.length;
  return events.slice(from, to);
}
