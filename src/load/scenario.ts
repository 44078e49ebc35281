import { duplicateCalls, duplicateTexts, type Duplicates } from './ledger';
import { startFaults, type FaultCounts, type FaultInjector, type FaultPlan } from './faults';
import type { ReportRow } from './report';
import type { LoadStack } from './stack';
import type { EndStates } from './workflow-states';

// What every scenario gets and gives back, and the checks every scenario reports the same way.

export interface ScenarioContext {
  stack: LoadStack;
  runId: string;
  /** Set with --faults. */
  faultPlan?: FaultPlan;
  /** How long the scenario waits for the work to be done before it reports what is missing. */
  timeoutMs: number;
  /** A line above the progress bar. */
  note(line: string): void;
}

export interface ScenarioResult {
  title: string;
  rows: ReportRow[];
  summary: Record<string, unknown>;
}

/** Starts injecting faults when the run asked for them (the scenario calls this once its load begins). */
export function faultsIfAsked(context: ScenarioContext): FaultInjector | undefined {
  return context.faultPlan ? startFaults(context.stack, context.faultPlan, context.note) : undefined;
}

export interface Checks {
  duplicateTexts: Duplicates;
  duplicateCalls: Duplicates;
  endStates: EndStates;
  serviceCrashes: LoadStack['crashes'];
  faults?: FaultCounts;
}

export function runChecks(stack: LoadStack, endStates: EndStates, faults?: FaultInjector): Checks {
  return {
    duplicateTexts: duplicateTexts(stack.simulator.store.listMessages()),
    duplicateCalls: duplicateCalls(stack.simulator.store.listCalls()),
    endStates,
    serviceCrashes: { ...stack.crashes },
    ...(faults ? { faults: faults.counts } : {}),
  };
}

export function checkRows(checks: Checks): ReportRow[] {
  const section = 'checks (each should be 0)';
  const row = (metric: string, value: number | string) => ({ section, metric, value: String(value) });
  const rows: ReportRow[] = [
    row('duplicate texts (same person, same step)', checks.duplicateTexts.count),
    row('duplicate calls (same person)', checks.duplicateCalls.count),
    row('lost workflows (never started)', checks.endStates.lost),
    row('workflows not in their expected state', checks.endStates.notInExpectedState),
    row('stuck workflows (work not done)', checks.endStates.stuck),
    row('API / worker crashes (unplanned exits)', `${checks.serviceCrashes.api} / ${checks.serviceCrashes.worker}`),
  ];
  if (checks.faults) {
    const f = checks.faults;
    rows.push(
      { section: 'faults injected', metric: 'worker SIGKILLs', value: String(f.workerKills) },
      { section: 'faults injected', metric: 'Temporal restarts', value: String(f.temporalRestarts) },
      { section: 'faults injected', metric: 'database restarts', value: String(f.databaseRestarts) },
      { section: 'faults injected', metric: 'failed restarts', value: String(f.failures.length) },
    );
  }
  return rows;
}
