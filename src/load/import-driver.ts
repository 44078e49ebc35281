import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../dev/child-process';
import type { SimulatorEvent } from '../simulator';
import { loadCampaignId, phoneFor, writeDebtorCsv } from './debtor-rows';
import { stepOfText } from './ledger';
import type { LoadStack } from './stack';
import { msSince } from './stats';

// Debtors in through the CLI a user would run (`parley campaign apply`, `parley import`), and what
// came out at the other end: the simulator's ledger of first texts and its webhook timings.

export const loadCampaignFile = path.join(repoRoot, 'examples', 'campaigns', 'load-collections.yaml');

export interface CliRun {
  code: number | null;
  stdout: string;
}

/** `bin/parley <args>` against the stack's API; its output is appended to logs/cli.log. */
export function runParleyCli(stack: LoadStack, args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const log = createWriteStream(path.join(stack.runDir, 'logs', 'cli.log'), { flags: 'a' });
    log.write(`$ parley ${args.join(' ')}\n`);
    const child = spawn(path.join(repoRoot, 'bin', 'parley'), args, { env: { ...process.env, ...stack.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      log.write(chunk);
    });
    child.stderr.pipe(log, { end: false });
    child.once('error', reject);
    child.once('exit', (code) => {
      log.end();
      resolve({ code, stdout });
    });
  });
}

export async function applyLoadCampaign(stack: LoadStack, file = loadCampaignFile): Promise<void> {
  const run = await runParleyCli(stack, ['campaign', 'apply', file]);
  if (run.code !== 0) throw new Error(`parley campaign apply failed (exit ${run.code}); see ${stack.runDir}/logs/cli.log`);
}

export interface ImportOutcome {
  /** Runs of `parley import` it took (a fault run repeats the file until every row is in). */
  attempts: number;
  /** Runs that ended in an error status from the API. */
  failedAttempts: number;
  started: number;
  rejected: number;
  ms: number;
}

/**
 * Imports debtors [from, to) and, when a run fails (a fault run restarts servers under it), runs
 * the same file again, as a user would, until every row is started or already imported.
 */
export async function importDebtors(stack: LoadStack, from: number, to: number, maxAttempts = 1): Promise<ImportOutcome> {
  const file = path.join(stack.runDir, `debtors-${from}-${to}.csv`);
  writeDebtorCsv(file, from, to);
  const started = process.hrtime.bigint();
  const outcome: ImportOutcome = { attempts: 0, failedAttempts: 0, started: 0, rejected: 0, ms: 0 };
  while (outcome.attempts < maxAttempts) {
    outcome.attempts++;
    const run = await runParleyCli(stack, ['import', file, '--campaign', loadCampaignId]);
    const report = /rows (\d+), started (\d+), already imported (\d+), rejected (\d+)/.exec(run.stdout);
    if (!report) {
      outcome.failedAttempts++;
      // A server restarting under a fault run: give it a moment before the user would try again.
      await new Promise((r) => setTimeout(r, 2_000));
      continue;
    }
    outcome.started += Number(report[2]);
    outcome.rejected = Number(report[4]);
    if (Number(report[2]) + Number(report[3]) + Number(report[4]) === to - from) break;
  }
  outcome.ms = msSince(started);
  return outcome;
}

export interface WebhookTiming {
  purpose: string;
  ms: number;
  status: number | null;
}

/** Follows the simulator's events: when each debtor's first text reached Twilio, and every webhook's answer time. */
export class LedgerWatcher {
  readonly firstTextAtMs = new Map<string, number>();
  readonly webhooks: WebhookTiming[] = [];
  private readonly started = process.hrtime.bigint();
  private readonly unsubscribe: () => void;

  constructor(stack: LoadStack) {
    this.unsubscribe = stack.simulator.onEvent((event) => this.see(event));
  }

  private see(event: SimulatorEvent): void {
    if (event.type === 'message') {
      const { message } = event;
      if (message.direction === 'outbound-api' && !this.firstTextAtMs.has(message.to) && stepOfText(message.body) === 'first-text') {
        this.firstTextAtMs.set(message.to, msSince(this.started));
      }
    } else if (event.type === 'webhook') {
      this.webhooks.push({ purpose: event.attempt.purpose, ms: event.attempt.durationMs, status: event.attempt.statusCode });
    }
  }

  firstTextsOf(from: number, to: number): number {
    let n = 0;
    for (let i = from; i < to; i++) if (this.firstTextAtMs.has(phoneFor(i))) n++;
    return n;
  }

  /** Webhook answers that were 5xx or never came (timeouts, refused connections). */
  webhookErrors(): number {
    return this.webhooks.filter((w) => w.status === null || w.status >= 500).length;
  }

  close(): void {
    this.unsubscribe();
  }
}

/** Resolves once `done()` holds, or after timeoutMs; calls `tick` every half second meanwhile. */
export async function until(done: () => boolean, timeoutMs: number, tick: () => void = () => undefined): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) return false;
    tick();
    await new Promise((r) => setTimeout(r, 500));
  }
  tick();
  return true;
}
