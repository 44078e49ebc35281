import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { freePort, repoRoot } from '../../src/dev/child-process';
import { integrationEnv } from '../support/integration-env';
import { connectMongo } from '../../src/adapters/mongo/connection';
import { createApiKey } from '../../src/auth/api-keys';
import { typeScriptProcessArgs } from '../support/ts-process';

// The load harness against a service it did not start, as docker compose's `load` profile runs
// it: the service (here `parley serve`, started by the test) sends its texts to the harness's
// Twilio simulator, and the harness drives the service's API and reads its Temporal.

const account = { sid: `AC${randomBytes(16).toString('hex')}`, authToken: randomBytes(16).toString('hex') };

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('the load harness against a stack it did not start', () => {
  let service: ChildProcess;
  let serviceEnv: Record<string, string>;
  let simulatorPort: number;
  let scratch: string;
  let apiKey: string;

  beforeAll(async () => {
    scratch = mkdtempSync(path.join(os.tmpdir(), 'parley-load-external-'));
    const [httpPort, simPort] = [await freePort(), await freePort()];
    simulatorPort = simPort;
    serviceEnv = integrationEnv('load-external', {
      HTTP_PORT: String(httpPort),
      PUBLIC_BASE_URL: `http://127.0.0.1:${httpPort}`,
      ALLOW_INSECURE_PUBLIC_URL: 'true',
      TEMPORAL_PAYLOAD_KEYS: `load-1=${randomBytes(32).toString('base64')}`,
      TWILIO_ACCOUNT_SID: account.sid,
      TWILIO_AUTH_TOKEN: account.authToken,
      TWILIO_API_BASE_URL: `http://127.0.0.1:${simPort}`,
      TWILIO_FROM_NUMBER: '+15005550006',
      TWILIO_SMS_PER_SECOND: '50',
      PAYMENT_LINK_SECRET: randomBytes(32).toString('hex'),
      PAYMENT_WEBHOOK_SECRET: randomBytes(32).toString('hex'),
    });
    service = spawn(path.join(repoRoot, 'bin', 'parley'), ['serve'], { env: { ...process.env, ...serviceEnv }, stdio: 'ignore' });
    // The harness imports through `parley import`, which needs a key, as any operator would.
    const mongo = await connectMongo(serviceEnv.MONGODB_URI!, serviceEnv.MONGODB_DATABASE!);
    apiKey = (await createApiKey(mongo.repositories, { name: 'load-harness', role: 'admin', createdBy: 'test' })).apiKey;
    await mongo.close();
  });
  afterAll(async () => {
    if (service && service.exitCode === null) {
      service.kill('SIGTERM');
      await exitOf(service);
    }
    rmSync(scratch, { recursive: true, force: true });
  });

  function runHarness(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stderr: string }> {
    const harness = spawn(process.execPath, [...typeScriptProcessArgs(path.join(repoRoot, 'src/load/load.cli.ts')), ...args], {
      env: { ...process.env, TWILIO_ACCOUNT_SID: account.sid, TWILIO_AUTH_TOKEN: account.authToken, PARLEY_API_KEY: apiKey, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    harness.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    return exitOf(harness).then((code) => ({ code, stderr }));
  }

  const external = () => ['--external-api', serviceEnv.PUBLIC_BASE_URL!, '--external-temporal', serviceEnv.TEMPORAL_ADDRESS!, '--simulator-listen', `127.0.0.1:${simulatorPort}`];

  it('when an import runs against the external stack, then every debtor is started and texted once through the harness simulator', async () => {
    const summaryFile = path.join(scratch, 'summary.json');

    const run = await runHarness(['import', '--rows', '25', '--timeout', '150', '--out', summaryFile, ...external()]);

    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(readFileSync(summaryFile, 'utf8'));
    expect(summary.firstTexts).toMatchObject({ sent: 25 });
    expect(summary.checks.duplicateTexts.count).toBe(0);
    expect(summary.checks.endStates).toMatchObject({ lost: 0, notInExpectedState: 0, stuck: 0 });
  }, 240_000);

  it('when sleepers are started through the Temporal client on an in-memory dev server, then every one is running and asleep and the table says how they were started', async () => {
    const summaryFile = path.join(scratch, 'sleepers.json');

    const run = await runHarness(['sleepers', '--debtors', '20', '--batches', '2', '--first-contact-after', 'P2D', '--start-via', 'client', '--temporal-store', 'memory', '--timeout', '120', '--out', summaryFile]);

    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(readFileSync(summaryFile, 'utf8'));
    expect(summary).toMatchObject({ imported: 20, startVia: 'client', options: { temporalStore: 'memory' } });
    expect(summary.rss).toHaveLength(3);
    expect(summary.checks.endStates).toMatchObject({ lost: 0, notInExpectedState: 0, stuck: 0 });
  }, 240_000);

  it('when faults or sleepers are asked of an external stack, or an option is malformed, then the harness refuses with exit 2 and says why', async () => {
    const faults = await runHarness(['import', '--faults', ...external()]);
    expect(faults.code).toBe(2);
    expect(faults.stderr).toMatch(/--faults, sleepers and console .* without --external-api/);

    const noAccount = await runHarness(['calls', ...external()], { TWILIO_ACCOUNT_SID: '' });
    expect(noAccount.code).toBe(2);
    expect(noAccount.stderr).toMatch(/TWILIO_ACCOUNT_SID/);

    const memoryFaults = await runHarness(['import', '--faults', '--temporal-store', 'memory']);
    expect(memoryFaults.code).toBe(2);
    expect(memoryFaults.stderr).toMatch(/--faults restarts the Temporal dev server.*--temporal-store file/);

    const badDuration = await runHarness(['sleepers', '--first-contact-after', '2days']);
    expect(badDuration.code).toBe(2);
    expect(badDuration.stderr).toMatch(/--first-contact-after.*'2days' is invalid.*ISO 8601/);
  });
});
