import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createLogger } from '../../src/logging/logger';
import { freePort } from '../../src/dev/child-process';
import { startService, type RunningService, type ResolvedConfig } from '../../src/service/service';
import { startTwilioSimulator, type TwilioSimulator } from '../../src/simulator';
import { loadConfig, requireServers } from '../../src/config/config';
import { integrationEnv } from './integration-env';

export const serviceNumber = '+15005550006';
export const personaDir = path.resolve(__dirname, '../../personas');

export interface CollectionsStack {
  config: ResolvedConfig;
  /** The environment the service was configured from, for a worker in a child process. */
  env: Record<string, string>;
  service: RunningService;
  simulator: TwilioSimulator;
  stop(): Promise<void>;
}

/**
 * The service (API + workers) wired to its own Twilio simulator, the way `parley dev` runs it:
 * the official twilio client talks to the simulator, and the simulator calls the service's
 * signed webhooks. `temporalAddress` points the service at another server (the time-skipping one).
 */
export async function startCollectionsStack(
  name: string,
  options: {
    temporalAddress?: string;
    worker?: boolean;
    env?: Record<string, string>;
    /** Twilio's calls-per-second limit on the simulated account (default: high enough never to matter). */
    simulatorCallsPerSecond?: number;
  } = {},
): Promise<CollectionsStack> {
  const httpPort = await freePort();
  const publicBaseUrl = `http://127.0.0.1:${httpPort}`;
  const account = { sid: `AC${randomBytes(16).toString('hex')}`, authToken: randomBytes(16).toString('hex') };
  const simulator = await startTwilioSimulator({
    port: 0,
    accounts: [account],
    phoneNumbers: [{ phoneNumber: serviceNumber, smsUrl: `${publicBaseUrl}/webhooks/twilio/sms` }],
    delayScale: 0,
    callsPerSecond: options.simulatorCallsPerSecond ?? 50,
    personaDir,
  });
  const env = integrationEnv(name, {
    HTTP_PORT: String(httpPort),
    PUBLIC_BASE_URL: publicBaseUrl,
    TWILIO_ACCOUNT_SID: account.sid,
    TWILIO_AUTH_TOKEN: account.authToken,
    TWILIO_API_BASE_URL: simulator.url,
    TWILIO_FROM_NUMBER: serviceNumber,
    // Tests never wait on Twilio's real rates.
    TWILIO_SMS_PER_SECOND: '50',
    TWILIO_CALLS_PER_SECOND: '50',
    PAYMENT_LINK_SECRET: randomBytes(32).toString('hex'),
    PAYMENT_WEBHOOK_SECRET: randomBytes(32).toString('hex'),
    ...(options.temporalAddress ? { TEMPORAL_ADDRESS: options.temporalAddress } : {}),
    // Extra settings of one test file (OPENAI_*, CALL_TURN_WAIT_MS, ...).
    ...options.env,
  });
  const config = requireServers(loadConfig(env));
  const service = await startService(config, createLogger(process.env.LOG_LEVEL ?? 'warn', { pretty: false }), {
    api: true,
    worker: options.worker ?? true,
  });
  return {
    config,
    env,
    service,
    simulator,
    async stop() {
      await service.stop();
      await simulator.close();
    },
  };
}

/** Polls until `check` returns a value (not undefined); fails with `what` after the timeout. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
}
