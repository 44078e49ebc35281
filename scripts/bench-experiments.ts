// Reading a campaign's experiment results (GET /campaigns/{id}/experiments) on the embedded
// database: the audit entries the results read (each person's assignment, call outcome, promise and
// payment) for `people` debtors are stored, then the results are read `runs` times: the audit read
// through the real repository, then the per-person fold and the statistics. The baseline, in the
// same process and database, reads the same campaign's `call-outcome` entries alone (one type, a
// third of the documents), the cheapest read a results page could make.
//
//   npx tsx scripts/bench-experiments.ts [people=10000] [runs=5]
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectMongo } from '../src/adapters/mongo/connection';
import { freePort } from '../src/dev/child-process';
import { startFerretDb } from '../src/dev/local-servers';
import { experimentReport } from '../src/experiments/experiment-report';
import { outcomeEventTypes, personOutcomes } from '../src/experiments/experiment-outcomes';
import { pickArm } from '../src/experiments/arms';
import { percentile } from '../src/load/stats';

const people = Number(process.argv[2] ?? 10_000);
const runs = Number(process.argv[3] ?? 5);
const campaignId = 'bench-experiments';
const experiment = { id: 'greeting-wording', arms: [{ id: 'standard', weight: 1, stopped: false }, { id: 'warm', weight: 1, stopped: false }] };

/** One person's entries: placed in an arm, called (reached or not), and for some a promise and a payment. */
function entriesOf(i: number) {
  const workflowId = `debtor/${campaignId}/B-${i}`;
  const armId = pickArm(experiment, workflowId)!;
  const reached = (i * 7919) % 100 < (armId === 'warm' ? 45 : 40);
  const entry = (type: string, data: Record<string, unknown>, seq: number) => ({
    eventKey: `${workflowId}/${type}`, workflowId, campaignId, campaignVersion: 1, type, at: new Date(), occurredAt: new Date(), data, chainSeq: seq, prevHash: 'x', hash: `${workflowId}/${seq}`,
  });
  const promised = reached && i % 3 === 0;
  return [
    entry('experiment-assigned', { experimentId: experiment.id, armId, campaignVersion: 1 }, 0),
    entry('call-outcome', { rightPartyVerified: reached, escalatedTo: i % 50 === 0 ? 'agent-number' : null }, 1),
    ...(promised ? [entry('promise-recorded', { amountMinor: 5000, dueDate: '2026-11-20', source: 'call' }, 2), entry('payment-received', { amountMinor: 5000 }, 3)] : []),
  ];
}

async function timed<T>(what: () => Promise<T>): Promise<number> {
  const t0 = performance.now();
  await what();
  return performance.now() - t0;
}

async function main(): Promise<void> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'parley-bench-exp-'));
  const server = await startFerretDb({ port: await freePort(), stateDir: path.join(scratch, 'ferretdb'), logDir: scratch, backend: 'postgresql', durable: false });
  const mongo = await connectMongo(server.uri, 'bench');
  try {
    const all = Array.from({ length: people }, (_, i) => entriesOf(i)).flat();
    for (let i = 0; i < all.length; i += 1000) await mongo.models.auditEvents.insertMany(all.slice(i, i + 1000));
    console.log(`${people} people, ${all.length} audit entries of campaign ${campaignId}; ${runs} runs each; ${os.cpus().length} cores\n`);
    const baseline: number[] = [];
    const results: number[] = [];
    const readOnly: number[] = [];
    for (let run = 0; run < runs; run++) {
      baseline.push(await timed(() => mongo.repositories.audit.ofTypes(campaignId, ['call-outcome'])));
      readOnly.push(await timed(() => mongo.repositories.audit.ofTypes(campaignId, outcomeEventTypes)));
      results.push(
        await timed(async () => {
          const events = await mongo.repositories.audit.ofTypes(campaignId, outcomeEventTypes);
          return experimentReport(experiment, personOutcomes(events, Date.now()).values(), 'collections');
        }),
      );
    }
    const line = (name: string, ms: number[]) => {
      const sorted = [...ms].sort((a, b) => a - b);
      console.log(`${name.padEnd(52)} p50 ${percentile(sorted, 50).toFixed(0).padStart(6)} ms   max ${sorted.at(-1)!.toFixed(0).padStart(6)} ms`);
    };
    line('baseline: call-outcome entries only', baseline);
    line('the results read (every type the results need)', readOnly);
    line('the whole results (read, fold per person, statistics)', results);
  } finally {
    await mongo.close();
    await server.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
