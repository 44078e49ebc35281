import { accountRefFor, loadCampaignId } from './debtor-rows';
import { applyLoadCampaign, importDebtors } from './import-driver';
import { latencyRows, startProgress } from './report';
import { checkRows, runChecks, type ScenarioContext, type ScenarioResult } from './scenario';
import { forEachLimited, msSince, summarize, type LatencySummary } from './stats';
import { untilWorkerIdle, writeLateCampaign } from './sleepers.scenario';
import { checkEndStates, workflowStatuses } from './workflow-states';
import { TemporalGateway } from '../temporal/gateway';

// `console`: the operator console's pages with D debtors in one campaign, asleep until a first
// contact two days out (as `sleepers --first-contact-after P2D`), so the figures are the pages' own
// and not the worker's. A page load is every API call the console makes for that page, at once
// (as the browser does), timed to the last answer. Loaded one after another (a person clicking),
// then by several people at once; beside it, /healthz on the same API is the baseline.

export interface ConsoleOptions {
  debtors: number;
  /** Loads of each page, per round. */
  loads: number;
  /** People loading pages at once in the second round. */
  people: number;
}

interface Page {
  name: string;
  /** The calls of one load; `ref` is a debtor picked at random per load. */
  paths(ref: string): string[];
}

const campaign = `/campaigns/${loadCampaignId}`;
const days = (from: number) => new Date(Date.now() - from * 86_400_000).toISOString().slice(0, 10);
const lastMonth = `from=${days(29)}&to=${days(0)}&timeZone=UTC&bucket=day`;
const pages: Page[] = [
  { name: 'Live (first snapshot)', paths: () => ['/console/session', 'sse:/console/live/events'] },
  { name: "Agents' queue", paths: () => ['/human-tasks?limit=50'] },
  { name: 'Campaigns', paths: () => ['/campaigns?limit=50'] },
  { name: 'Campaign', paths: () => [campaign, `${campaign}/versions?limit=20`, `${campaign}/broadcasts`, `${campaign}/debtors?limit=25`] },
  {
    name: 'Debtor',
    paths: (ref) => [`${campaign}/debtors/${ref}`, `${campaign}/debtors/${ref}/timeline?order=newest&limit=20`, `${campaign}/debtors/${ref}/payments`],
  },
  { name: 'Dashboards (collections)', paths: () => [`/dashboards/collections?${lastMonth}&by=campaign`, `/dashboards/collections?${lastMonth}&by=segment&campaignId=${loadCampaignId}`] },
];

export async function consoleScenario(context: ScenarioContext, options: ConsoleOptions): Promise<ScenarioResult> {
  const { stack } = context;
  await applyLoadCampaign(stack, writeLateCampaign(stack, 'P2D'));
  const progress = startProgress('debtors imported', options.debtors);
  const imported = await importDebtors(stack, 0, options.debtors);
  progress.update(options.debtors, 'waiting for the worker to settle');
  await untilWorkerIdle(stack, context.timeoutMs, () => undefined);
  progress.stop();

  const get = timedGetter(stack.apiUrl, stack.env.PARLEY_API_KEY!);
  const failures: string[] = [];
  const loadPage = async (page: Page) => {
    const ref = accountRefFor(Math.floor(Math.random() * options.debtors));
    const started = process.hrtime.bigint();
    await Promise.all(page.paths(ref).map((p) => get(p).catch((err: unknown) => void (failures.length < 10 && failures.push(`${p}: ${(err as Error).message}`)))));
    return msSince(started);
  };
  for (const page of pages) await loadPage(page); // warm-up: code paths compiled, caches filled

  const alone = new Map<string, LatencySummary>();
  const together = new Map<string, LatencySummary>();
  for (const page of pages) {
    const times: number[] = [];
    for (let i = 0; i < options.loads; i++) times.push(await loadPage(page));
    alone.set(page.name, summarize(times));
  }
  for (const page of pages) {
    const times: number[] = [];
    await forEachLimited(Array.from({ length: options.loads }), options.people, async () => void times.push(await loadPage(page)));
    together.set(page.name, summarize(times));
  }
  const healthz: number[] = [];
  for (let i = 0; i < options.loads; i++) healthz.push(await get('/healthz'));
  const baseline = summarize(healthz);

  const ids = Array.from({ length: options.debtors }, (_, i) => TemporalGateway.debtorWorkflowId(loadCampaignId, accountRefFor(i)));
  const checks = runChecks(stack, checkEndStates(ids, await workflowStatuses(stack.temporal, 'debtorWorkflow'), 'RUNNING', () => true));
  return {
    title: `console: page loads with ${options.debtors} debtors in a campaign`,
    rows: [
      { section: 'console', metric: 'debtors imported (started)', value: String(imported.started) },
      { section: 'console', metric: 'failed calls', value: failures.length ? failures.join('; ') : '0' },
      ...pages.flatMap((page) => [
        ...latencyRows('one person', page.name, alone.get(page.name)!, baseline),
        ...latencyRows(`${options.people} people at once`, page.name, together.get(page.name)!),
      ]),
      ...checkRows(checks),
    ],
    summary: { ...options, baseline, alone: Object.fromEntries(alone), together: Object.fromEntries(together), failures, checks },
  };
}

/** A GET with the harness's key, timed to its whole body; `sse:` paths to the first event. */
function timedGetter(base: string, key: string): (path: string) => Promise<number> {
  return async (path) => {
    const started = process.hrtime.bigint();
    const sse = path.startsWith('sse:');
    const abort = new AbortController();
    const response = await fetch(`${base}${sse ? path.slice(4) : path}`, { headers: { authorization: `Bearer ${key}` }, signal: abort.signal });
    if (!response.ok) throw new Error(`${response.status}`);
    if (sse) {
      const reader = response.body!.getReader();
      for (let seen = ''; !seen.includes('\n\n'); ) {
        const { value, done } = await reader.read();
        if (done) break;
        seen += Buffer.from(value).toString();
      }
      abort.abort();
    } else {
      await response.arrayBuffer();
    }
    return msSince(started);
  };
}
