import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { Client, Connection } from '@temporalio/client';
import { repoRoot } from '../dev/child-process';
import { startTwilioSimulator } from '../simulator';
import { waitFor } from './service-process';
import { serviceNumber, type LoadStack } from './stack';

// The harness against a stack it did not start (docker-compose.yml's, with workers scaled by
// `--scale worker=N`): it runs only the Twilio simulator, which the stack's API and workers call
// (their TWILIO_API_BASE_URL) with the same account, and drives the stack's API and Temporal.
// It cannot kill what it did not start, nor read a worker's memory: `--faults` and `sleepers`
// need the embedded stack.

export interface ExternalStackOptions {
  runDir: string;
  /** The stack's API as its webhooks are signed (its PUBLIC_BASE_URL), e.g. http://api:3000. */
  apiUrl: string;
  temporalAddress: string;
  /** Where the simulator listens for the stack's API and workers, e.g. 0.0.0.0:4010. */
  simulatorHost: string;
  simulatorPort: number;
  /** The account the stack is configured with (TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN). */
  account: { sid: string; authToken: string };
  callsPerSecond: number;
  delayScale: number;
}

export async function connectExternalStack(options: ExternalStackOptions): Promise<LoadStack> {
  mkdirSync(path.join(options.runDir, 'logs'), { recursive: true });
  const apiUrl = options.apiUrl.replace(/\/$/, '');
  await waitFor('the API', async () => (await fetch(`${apiUrl}/readyz`)).ok, { timeoutMs: 120_000 });
  const simulator = await startTwilioSimulator({
    host: options.simulatorHost,
    port: options.simulatorPort,
    accounts: [options.account],
    phoneNumbers: [{ phoneNumber: serviceNumber, smsUrl: `${apiUrl}/webhooks/twilio/sms` }],
    delayScale: options.delayScale,
    callsPerSecond: options.callsPerSecond,
    personaDir: path.join(repoRoot, 'personas'),
  });
  const connection = await Connection.connect({ address: options.temporalAddress }).catch(async (err: unknown) => {
    await simulator.close();
    throw err;
  });
  const notHere = (what: string) => () => Promise.reject(new Error(`${what} needs the embedded stack: the harness did not start this one`));
  return {
    runDir: options.runDir,
    apiUrl,
    simulator,
    temporal: new Client({ connection }),
    twilioAuthToken: options.account.authToken,
    env: { PARLEY_API_URL: apiUrl, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
    crashes: { api: 0, worker: 0 },
    workerRssKiB: () => undefined,
    workerCpuMs: () => undefined,
    killWorker: notHere('killing the worker'),
    restartTemporal: notHere('restarting Temporal'),
    restartDatabase: notHere('restarting the database'),
    async stop() {
      await connection.close();
      await simulator.close();
    },
  };
}
