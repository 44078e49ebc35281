import { TemporalGateway } from '../temporal/gateway';
import { noopWorkflowStarts } from './baseline';
import { accountRefFor, loadCampaignId, phoneFor } from './debtor-rows';
import { applyLoadCampaign, importDebtors, LedgerWatcher, until } from './import-driver';
import { latencyRows, ms, startProgress, type ReportRow } from './report';
import { checkRows, faultsIfAsked, runChecks, type ScenarioContext, type ScenarioResult } from './scenario';
import { perSecond, summarize } from './stats';
import { checkEndStates, workflowStatuses } from './workflow-states';

// `import`: N debtors through `parley import`; how long until all are started and until every
// first text reached Twilio, and how fast the service answers Twilio's webhooks meanwhile.

export async function importScenario(context: ScenarioContext, rows: number): Promise<ScenarioResult> {
  const { stack } = context;
  const baseline = await noopWorkflowStarts(stack.temporal, context.runId, Math.min(rows, 2_000), 32);
  await applyLoadCampaign(stack);

  const watcher = new LedgerWatcher(stack);
  const progress = startProgress('first texts', rows);
  const faults = faultsIfAsked(context);
  let imported: Awaited<ReturnType<typeof importDebtors>> | undefined;
  const importing = importDebtors(stack, 0, rows, faults ? 20 : 1).then((outcome) => (imported = outcome));
  const allTexted = () => watcher.firstTextAtMs.size >= rows;
  const tick = () =>
    progress.update(watcher.firstTextAtMs.size, imported ? `all started in ${ms(imported.ms)}` : `importing${faults ? ` | kills ${faults.counts.workerKills}` : ''}`);
  await until(() => imported !== undefined && allTexted(), context.timeoutMs, tick);
  await importing;
  if (faults) {
    await faults.finished;
    await until(allTexted, context.timeoutMs, tick);
  }
  progress.stop();
  watcher.close();

  const ids = Array.from({ length: rows }, (_, i) => TemporalGateway.debtorWorkflowId(loadCampaignId, accountRefFor(i)));
  const texted = new Set(Array.from({ length: rows }, (_, i) => i).filter((i) => watcher.firstTextAtMs.has(phoneFor(i))).map((i) => ids[i]!));
  const endStates = checkEndStates(ids, await workflowStatuses(stack.temporal, 'debtorWorkflow'), 'RUNNING', (id) => texted.has(id));
  const checks = runChecks(stack, endStates, faults);

  const lastText = Math.max(0, ...watcher.firstTextAtMs.values());
  const smsStatus = summarize(watcher.webhooks.filter((w) => w.purpose === 'message-status-callback').map((w) => w.ms));
  const outcome = imported!;
  const table: ReportRow[] = [
    { section: 'import', metric: 'debtors', value: String(rows) },
    { section: 'import', metric: 'parley import runs (failed)', value: `${outcome.attempts} (${outcome.failedAttempts})` },
    { section: 'import', metric: 'rows rejected', value: String(outcome.rejected) },
    { section: 'import', metric: 'time until all started', value: ms(outcome.ms) },
    {
      section: 'import',
      metric: 'started per second',
      value: perSecond(rows, outcome.ms).toFixed(1),
      baseline: `${baseline.perSecond.toFixed(1)} no-op starts/s`,
    },
    { section: 'first texts', metric: 'sent', value: `${watcher.firstTextAtMs.size} of ${rows}` },
    { section: 'first texts', metric: 'time until every first text sent', value: allTexted() ? ms(lastText) : 'not all sent' },
    { section: 'first texts', metric: 'texts per second', value: perSecond(watcher.firstTextAtMs.size, lastText).toFixed(1) },
    ...latencyRows('webhooks (simulator side, every delivery)', 'sms-status answer', smsStatus),
    { section: 'webhooks (simulator side, every delivery)', metric: 'errors (5xx or no answer)', value: String(watcher.webhookErrors()) },
    ...checkRows(checks),
  ];
  return {
    title: `import: ${rows} debtors through parley import${faults ? ', with faults' : ''}`,
    rows: table,
    summary: {
      rows,
      import: outcome,
      startedPerSecond: perSecond(rows, outcome.ms),
      firstTexts: { sent: watcher.firstTextAtMs.size, allSentMs: allTexted() ? lastText : null },
      webhooks: { latencyMs: smsStatus, errors: watcher.webhookErrors(), byPurpose: countBy(watcher.webhooks.map((w) => w.purpose)) },
      baseline: { noopWorkflowStarts: baseline },
      checks,
    },
  };
}

function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}
