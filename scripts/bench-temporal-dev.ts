// The embedded Temporal dev server's store under an import's load: `count` starts of a no-op
// workflow, `concurrency` at a time, on the in-memory store (the baseline), on a SQLite file with
// SQLite's defaults, and on a SQLite file in WAL mode (what `parley dev` uses).
//
//   npx tsx scripts/bench-temporal-dev.ts [count=2000] [concurrency=32]
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { freePort } from '../src/dev/child-process';
import { startTemporalDevServer } from '../src/dev/local-servers';
import { noopWorkflowStarts } from '../src/load/baseline';

const count = Number(process.argv[2] ?? 2000);
const concurrency = Number(process.argv[3] ?? 32);

const stores = [
  { name: 'in memory', file: false, pragmas: [] },
  { name: 'SQLite file, SQLite defaults', file: true, pragmas: [] },
  { name: 'SQLite file, WAL + synchronous=normal', file: true, pragmas: undefined },
] as const;

async function main(): Promise<void> {
  console.log(`${count} no-op workflow starts, ${concurrency} at a time; ${os.cpus().length} cores\n`);
  console.log('store                                   starts/s   p50 ms   p99 ms');
  for (const store of stores) {
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'parley-bench-temporal-'));
    const server = await startTemporalDevServer({
      port: await freePort(),
      logDir: scratch,
      ...(store.file ? { dbFile: path.join(scratch, 'temporal.sqlite'), sqlitePragmas: store.pragmas } : {}),
    });
    const connection = await Connection.connect({ address: server.address });
    try {
      const result = await noopWorkflowStarts(new Client({ connection }), 'bench', count, concurrency);
      console.log(`${store.name.padEnd(38)}  ${result.perSecond.toFixed(0).padStart(8)}  ${String(result.latency.p50?.toFixed(0)).padStart(7)}  ${String(result.latency.p99?.toFixed(0)).padStart(7)}`);
    } finally {
      await connection.close();
      await server.stop();
      rmSync(scratch, { recursive: true, force: true });
    }
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
