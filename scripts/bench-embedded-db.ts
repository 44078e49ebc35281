// The embedded database under the write pattern of an import and of the first contacts that follow
// it: every row stores its debtor once, appends an audit event and rewrites the status mirror,
// with `concurrency` rows in flight. Each backend is run once at concurrency 1 on 200 rows (the
// baseline: no contention) and once at the given concurrency, in this process, through the real
// repositories.
//
//   npx tsx scripts/bench-embedded-db.ts [rows=2000] [concurrency=64] [seconds per line=120]
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectMongo } from '../src/adapters/mongo/connection';
import type { Repositories } from '../src/adapters/mongo/repositories';
import { freePort } from '../src/dev/child-process';
import { startFerretDb } from '../src/dev/local-servers';
import { forEachBounded } from '../src/use-cases/bounded';
import { percentile } from '../src/load/stats';

const rows = Number(process.argv[2] ?? 2000);
const concurrency = Number(process.argv[3] ?? 64);
/** A backend that has not written every row by then is reported with what it did. */
const deadlineMs = Number(process.argv[4] ?? 120) * 1000;

interface Result {
  backend: string;
  rows: number;
  concurrency: number;
  rowsPerSecond: number;
  /** Rows not finished by the deadline. */
  unfinished: number;
  errors: number;
  firstError?: string;
  p50Ms: number;
  p99Ms: number;
}

/** FerretDB's SQLite backend already sets busy_timeout(10000) and WAL; the variants try what is left to tune. */
const backends = [
  { name: 'sqlite (FerretDB defaults)', backend: 'sqlite' },
  { name: 'sqlite busy_timeout 60 s', backend: 'sqlite', sqliteUrlQuery: '_pragma=busy_timeout(60000)' },
  { name: 'sqlite _txlock=immediate', backend: 'sqlite', sqliteUrlQuery: '_txlock=immediate' },
  { name: 'postgresql', backend: 'postgresql' },
] as const;

async function writeRows(variant: (typeof backends)[number], inFlight: number, rows: number): Promise<Result> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'parley-bench-db-'));
  const server = await startFerretDb({ port: await freePort(), stateDir: path.join(scratch, 'ferretdb'), logDir: scratch, ...variant });
  const mongo = await connectMongo(server.uri, 'bench');
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = started + deadlineMs;
  try {
    await forEachBounded(
      Array.from({ length: rows }, (_, i) => i),
      inFlight,
      async (i) => {
        if (performance.now() > deadline) return;
        const t0 = performance.now();
        try {
          await writeOneRow(mongo.repositories, i);
        } catch (err) {
          errors++;
          firstError ??= err instanceof Error ? err.message : String(err);
        }
        latencies.push(performance.now() - t0);
      },
    );
  } finally {
    await mongo.close();
    await server.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
  const seconds = (performance.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  const done = latencies.length;
  return { backend: variant.name, rows, concurrency: inFlight, rowsPerSecond: (done - errors) / seconds, unfinished: rows - done, errors, firstError, p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99) };
}

async function writeOneRow(repositories: Repositories, i: number): Promise<void> {
  const accountRef = `B-${i}`;
  const workflowId = `debtor/bench/${accountRef}`;
  await repositories.debtors.storeOnce({
    campaignId: 'bench',
    accountRef,
    workflowId,
    fullName: `Person ${i}`,
    firstName: 'Person',
    phone: `+1212555${String(i % 10_000).padStart(4, '0')}`,
    timeZone: 'America/New_York',
    language: 'en',
    currency: 'USD',
    amountDueMinor: 1000,
    dueDate: '2026-03-01',
    segmentData: {},
    artificialVoiceConsent: false,
  });
  await Promise.all([
    repositories.audit.append({ eventKey: `${workflowId}/started`, workflowId, campaignId: 'bench', campaignVersion: 1, type: 'started', data: {} }),
    repositories.debtors.saveStatus({ workflowId, status: 'contacting', balanceMinor: 1000, nextContactAt: Date.now() }),
  ]);
}

async function main(): Promise<void> {
  const results: Result[] = [];
  console.log(`Each row: debtor upsert + audit insert + status update; ${os.cpus().length} cores; ${deadlineMs / 1000} s at most per line\n`);
  console.log('backend                        rows  in flight  good rows/s  unfinished  errors   p50 ms   p99 ms   first error');
  for (const variant of backends) {
    for (const inFlight of [1, concurrency]) {
      const r = await writeRows(variant, inFlight, inFlight === 1 ? Math.min(rows, 200) : rows);
      results.push(r);
      console.log(
        `${r.backend.padEnd(27)} ${String(r.rows).padStart(6)}  ${String(r.concurrency).padStart(9)}  ${r.rowsPerSecond.toFixed(0).padStart(11)}  ${String(r.unfinished).padStart(10)}  ${String(r.errors).padStart(6)}  ${r.p50Ms.toFixed(1).padStart(7)}  ${r.p99Ms.toFixed(1).padStart(7)}   ${r.firstError?.slice(0, 80) ?? ''}`,
      );
    }
  }
  console.log(JSON.stringify({ date: new Date().toISOString(), rows, results }));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
