import { TemporalGateway } from '../temporal/gateway';
import { accountRefFor, loadCampaignId, phoneFor } from './debtor-rows';
import { applyLoadCampaign, importDebtors, LedgerWatcher, until } from './import-driver';
import { startProgress, type ReportRow } from './report';
import { checkRows, faultsIfAsked, runChecks, type ScenarioContext, type ScenarioResult } from './scenario';
import { checkEndStates, workflowStatuses } from './workflow-states';

// `sleepers`: M debtors that sent their first text and now sleep two days until their first call.
// Each stays in the worker's workflow cache until it is evicted, so the worker's resident memory
// (VmRSS) grows with M until the cache is full: measured after each of a few equal batches.

const quietMs = 3_000;

export async function sleepersScenario(context: ScenarioContext, debtors: number, batches = 4): Promise<ScenarioResult> {
  const { stack } = context;
  await applyLoadCampaign(stack);
  await new Promise((r) => setTimeout(r, quietMs));
  const idleKiB = stack.workerRssKiB() ?? 0;

  const watcher = new LedgerWatcher(stack);
  const progress = startProgress('asleep', debtors);
  const faults = faultsIfAsked(context);
  const points: Array<{ debtors: number; rssMiB: number }> = [{ debtors: 0, rssMiB: idleKiB / 1024 }];
  for (let b = 0; b < batches; b++) {
    const from = Math.floor((debtors * b) / batches);
    const to = Math.floor((debtors * (b + 1)) / batches);
    await importDebtors(stack, from, to, faults ? 20 : 1);
    await until(() => watcher.firstTextsOf(from, to) === to - from, context.timeoutMs, () =>
      progress.update(watcher.firstTextAtMs.size, `worker RSS ${((stack.workerRssKiB() ?? 0) / 1024).toFixed(0)} MiB`),
    );
    // The last workflow tasks finish after the texts: let the worker settle before reading its memory.
    await new Promise((r) => setTimeout(r, quietMs));
    points.push({ debtors: to, rssMiB: (stack.workerRssKiB() ?? 0) / 1024 });
  }
  if (faults) {
    await faults.finished;
    await until(() => watcher.firstTextAtMs.size >= debtors, context.timeoutMs);
  }
  progress.stop();
  watcher.close();

  const ids = Array.from({ length: debtors }, (_, i) => TemporalGateway.debtorWorkflowId(loadCampaignId, accountRefFor(i)));
  const texted = new Set(ids.filter((_, i) => watcher.firstTextAtMs.has(phoneFor(i))));
  const endStates = checkEndStates(ids, await workflowStatuses(stack.temporal, 'debtorWorkflow'), 'RUNNING', (id) => texted.has(id));
  const checks = runChecks(stack, endStates, faults);

  const last = points[points.length - 1]!;
  const perWorkflowMiB = debtors > 0 ? (last.rssMiB - points[0]!.rssMiB) / debtors : 0;
  // The first batch also pays for the worker's warm-up (code compiled, heap grown): the slope over
  // the later batches is the cost of one more sleeping debtor.
  const marginalMiB = slope(points.slice(1));
  const cacheSetting = process.env.WORKER_MAX_CACHED_WORKFLOWS ?? 'the SDK default';
  const table: ReportRow[] = [
    { section: 'sleepers', metric: 'debtors asleep (first text sent)', value: `${watcher.firstTextAtMs.size} of ${debtors}` },
    { section: 'sleepers', metric: 'workflow cache size', value: cacheSetting },
    ...points.map((p) => ({ section: 'worker RSS by debtors asleep', metric: `${p.debtors} debtors`, value: `${p.rssMiB.toFixed(1)} MiB` })),
    { section: 'worker RSS by debtors asleep', metric: 'per sleeping debtor (last - idle) / M', value: `${(perWorkflowMiB * 1024).toFixed(1)} KiB` },
    { section: 'worker RSS by debtors asleep', metric: 'per sleeping debtor (slope after batch 1)', value: marginalMiB === undefined ? '-' : `${(marginalMiB * 1024).toFixed(1)} KiB` },
    ...(faults ? [{ section: 'worker RSS by debtors asleep', metric: 'note', value: 'SIGKILLs empty the cache: RSS under faults is not per cached workflow' }] : []),
    ...checkRows(checks),
  ];
  return {
    title: `sleepers: ${debtors} debtors asleep between steps${faults ? ', with faults' : ''}`,
    rows: table,
    summary: { debtors, batches, workflowCacheSize: cacheSetting, rss: points, perSleepingDebtorMiB: perWorkflowMiB, marginalPerSleepingDebtorMiB: marginalMiB ?? null, checks },
  };
}

/** Least-squares slope of RSS over debtors (MiB per debtor); undefined with fewer than two points. */
function slope(points: ReadonlyArray<{ debtors: number; rssMiB: number }>): number | undefined {
  if (points.length < 2) return undefined;
  const meanX = points.reduce((sum, p) => sum + p.debtors, 0) / points.length;
  const meanY = points.reduce((sum, p) => sum + p.rssMiB, 0) / points.length;
  const sxy = points.reduce((sum, p) => sum + (p.debtors - meanX) * (p.rssMiB - meanY), 0);
  const sxx = points.reduce((sum, p) => sum + (p.debtors - meanX) ** 2, 0);
  return sxx > 0 ? sxy / sxx : undefined;
}
