import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { freePort } from '../../src/dev/child-process';
import { startFerretDb, startTemporalDevServer } from '../../src/dev/local-servers';

declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
    mongoUri: string;
  }
}

/**
 * Starts one Temporal dev server (in memory) and one FerretDB (on a throwaway PostgreSQL cluster)
 * on free ports for the whole run, or reuses servers named by TEMPORAL_ADDRESS / MONGODB_URI.
 * Each test file then takes its own
 * database and task queue (test/support/integration-env.ts), so files run in parallel.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'parley-test-'));
  const stops: Array<() => Promise<void>> = [];
  const [temporalAddress, mongoUri] = await Promise.all([
    process.env.TEMPORAL_ADDRESS ||
      startTemporalDevServer({ port: await freePort(), logDir: scratch, graceMs: 2000 }).then((t) => {
        stops.push(t.stop);
        return t.address;
      }),
    process.env.MONGODB_URI ||
      startFerretDb({ port: await freePort(), stateDir: path.join(scratch, 'ferretdb'), logDir: scratch, graceMs: 2000, durable: false }).then((m) => {
        stops.push(m.stop);
        return m.uri;
      }),
  ]);
  project.provide('temporalAddress', temporalAddress);
  project.provide('mongoUri', mongoUri);
  return async () => {
    await Promise.all(stops.map((stop) => stop()));
    rmSync(scratch, { recursive: true, force: true });
  };
}
