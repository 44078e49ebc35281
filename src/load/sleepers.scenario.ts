import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseCampaignDocument } from '../campaigns/campaign-document';
import { TemporalGateway } from '../temporal/gateway';
import { accountRefFor, loadCampaignId, phoneFor } from './debtor-rows';
import { startDebtorsDirectly } from './direct-starts';
import { applyLoadCampaign, importDebtors, LedgerWatcher, loadCampaignFile, until } from './import-driver';
import { startProgress, type ReportRow } from './report';
import { checkRows, faultsIfAsked, runChecks, type ScenarioContext, type ScenarioResult } from './scenario';
import type { LoadStack } from './stack';
import { checkEndStates, workflowStatuses } from './workflow-states';

// `sleepers`: M debtors asleep between steps. By default each sent its first text and sleeps two
// days until its first call; with `firstContactAfter` the campaign's first step waits that long,
// so a debtor falls asleep in its first workflow task, which keeps a run of tens of thousands cheap. Each
// stays in the worker's workflow cache until it is evicted, so the worker's resident memory
// (VmRSS) grows with M until the cache is full: measured after each of a few equal batches.

const quietMs = 3_000;

export interface SleepersOptions {
  debtors: number;
  batches: number;
  /** ISO 8601 duration before the first contact; unset: the load campaign's own (a text at once). */
  firstContactAfter?: string;
  /** Stop importing once the worker's RSS passes this (a machine has only so much memory). */
  stopAtRssMiB?: number;
  /** `import` (the default) runs `parley import`; `client` starts the workflows through the Temporal client. */
  startVia: 'import' | 'client';
}

interface RssPoint {
  debtors: number;
  rssMiB: number;
}

export async function sleepersScenario(context: ScenarioContext, options: SleepersOptions): Promise<ScenarioResult> {
  const { stack } = context;
  const { debtors, batches } = options;
  await applyLoadCampaign(stack, options.firstContactAfter ? writeLateCampaign(stack, options.firstContactAfter) : loadCampaignFile);
  await new Promise((r) => setTimeout(r, quietMs));
  const rssMiB = () => (stack.workerRssKiB() ?? 0) / 1024;

  const watcher = new LedgerWatcher(stack);
  const progress = startProgress('asleep', debtors);
  const faults = faultsIfAsked(context);
  const points: RssPoint[] = [{ debtors: 0, rssMiB: rssMiB() }];
  let imported = 0;
  for (let b = 0; b < batches && !(options.stopAtRssMiB && rssMiB() > options.stopAtRssMiB); b++) {
    const from = Math.floor((debtors * b) / batches);
    const to = Math.floor((debtors * (b + 1)) / batches);
    if (options.startVia === 'client') await startDebtorsDirectly(stack, from, to);
    else await importDebtors(stack, from, to, faults ? 20 : 1);
    imported = to;
    const tick = (done: number) => progress.update(done, `worker RSS ${rssMiB().toFixed(0)} MiB`);
    if (options.firstContactAfter) {
      tick(to);
      await untilWorkerIdle(stack, context.timeoutMs, () => tick(to));
    } else {
      await until(() => watcher.firstTextsOf(from, to) === to - from, context.timeoutMs, () => tick(watcher.firstTextAtMs.size));
      // The last workflow tasks finish after the texts: let the worker settle before reading its memory.
      await new Promise((r) => setTimeout(r, quietMs));
    }
    points.push({ debtors: to, rssMiB: rssMiB() });
  }
  if (faults) {
    await faults.finished;
    if (!options.firstContactAfter) await until(() => watcher.firstTextAtMs.size >= imported, context.timeoutMs);
  }
  progress.stop();
  watcher.close();

  const ids = Array.from({ length: imported }, (_, i) => TemporalGateway.debtorWorkflowId(loadCampaignId, accountRefFor(i)));
  const didItsWork = options.firstContactAfter ? () => true : textedBy(watcher, ids);
  const endStates = checkEndStates(ids, await workflowStatuses(stack.temporal, 'debtorWorkflow'), 'RUNNING', didItsWork);
  const checks = runChecks(stack, endStates, faults);
  return {
    title: `sleepers: ${imported} debtors asleep between steps${faults ? ', with faults' : ''}`,
    rows: [...rssRows(options, imported, points, Boolean(faults), watcher), ...checkRows(checks)],
    summary: { ...options, imported, workflowCacheSize: cacheSetting(), rss: points, ...perDebtor(points, imported), checks },
  };
}

function textedBy(watcher: LedgerWatcher, ids: readonly string[]): (id: string) => boolean {
  const texted = new Set(ids.filter((_, i) => watcher.firstTextAtMs.has(phoneFor(i))));
  return (id) => texted.has(id);
}

/** The load campaign with its first step moved `after` the start, written beside the run's logs. */
export function writeLateCampaign(stack: LoadStack, after: string): string {
  const doc = parseCampaignDocument(readFileSync(loadCampaignFile, 'utf8'), 'yaml') as { cadence: { steps: Array<{ delay: unknown }> } };
  doc.cadence.steps[0]!.delay = { after: 'start', duration: after };
  const file = path.join(stack.runDir, 'load-collections-late.json');
  writeFileSync(file, JSON.stringify(doc));
  return file;
}

/** Waits until the worker has used under 5% of a core for 10 s: every started workflow has had its first task. */
export async function untilWorkerIdle(stack: LoadStack, timeoutMs: number, tick: () => void): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const windowMs = 10_000;
  for (;;) {
    const before = stack.workerCpuMs() ?? 0;
    for (let waited = 0; waited < windowMs; waited += 500) {
      tick();
      await new Promise((r) => setTimeout(r, 500));
    }
    if ((stack.workerCpuMs() ?? 0) - before < windowMs * 0.05 || Date.now() > deadline) return;
  }
}

function cacheSetting(): string {
  return process.env.WORKER_MAX_CACHED_WORKFLOWS ?? "the SDK default (from the worker's heap limit)";
}

function perDebtor(points: readonly RssPoint[], debtors: number): { perSleepingDebtorMiB: number; marginalPerSleepingDebtorMiB: number | null } {
  const last = points[points.length - 1]!;
  // The first batch also pays for the worker's warm-up (code compiled, heap grown): the slope over
  // the later batches is the cost of one more sleeping debtor.
  return { perSleepingDebtorMiB: debtors > 0 ? (last.rssMiB - points[0]!.rssMiB) / debtors : 0, marginalPerSleepingDebtorMiB: slope(points.slice(1)) ?? null };
}

function rssRows(options: SleepersOptions, imported: number, points: readonly RssPoint[], faults: boolean, watcher: LedgerWatcher): ReportRow[] {
  const section = 'worker RSS by debtors asleep';
  const { perSleepingDebtorMiB, marginalPerSleepingDebtorMiB } = perDebtor(points, imported);
  const kib = (mib: number | null) => (mib === null ? '-' : `${(mib * 1024).toFixed(1)} KiB`);
  const asleep = options.firstContactAfter ? `${imported} of ${options.debtors} (first contact after ${options.firstContactAfter})` : `${watcher.firstTextAtMs.size} of ${options.debtors} (first text sent)`;
  return [
    { section: 'sleepers', metric: 'debtors asleep', value: asleep },
    { section: 'sleepers', metric: 'started through', value: options.startVia === 'client' ? 'the Temporal client' : 'parley import' },
    { section: 'sleepers', metric: 'workflow cache size', value: cacheSetting() },
    { section: 'sleepers', metric: 'largest worker RSS at a batch end', value: `${Math.max(...points.map((p) => p.rssMiB)).toFixed(1)} MiB` },
    ...points.map((p) => ({ section, metric: `${p.debtors} debtors`, value: `${p.rssMiB.toFixed(1)} MiB` })),
    { section, metric: 'per sleeping debtor (last - idle) / M', value: kib(perSleepingDebtorMiB) },
    { section, metric: 'per sleeping debtor (slope after batch 1)', value: kib(marginalPerSleepingDebtorMiB) },
    ...(faults ? [{ section, metric: 'note', value: 'SIGKILLs empty the cache: RSS under faults is not per cached workflow' }] : []),
  ];
}

/** Least-squares slope of RSS over debtors (MiB per debtor); undefined with fewer than two points. */
function slope(points: readonly RssPoint[]): number | undefined {
  if (points.length < 2) return undefined;
  const meanX = points.reduce((sum, p) => sum + p.debtors, 0) / points.length;
  const meanY = points.reduce((sum, p) => sum + p.rssMiB, 0) / points.length;
  const sxy = points.reduce((sum, p) => sum + (p.debtors - meanX) * (p.rssMiB - meanY), 0);
  const sxx = points.reduce((sum, p) => sum + (p.debtors - meanX) ** 2, 0);
  return sxx > 0 ? sxy / sxx : undefined;
}
