import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createLogger } from '../../src/logging/logger';
import { freePort } from '../../src/dev/child-process';
import { apiKeyFor } from './api-calls';
import { startService, type RunningService, type ResolvedConfig } from '../../src/service/service';
import { startTwilioSimulator, type TwilioSimulator } from '../../src/simulator';
import { loadConfig, requireServers } from '../../src/config/config';

export const serviceNumber = '+15005550006';
export const personaDir = path.resolve(__dirname, '../../personas');

export interface SimulatedService {
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
 * signed webhooks. `serverEnv` names the Temporal and MongoDB servers (and database, task queue);
 * `overrides` has the last word. Shared by the tests (collections-stack.ts) and the benchmarks.
 */
export async function startSimulatedService(
  serverEnv: Record<string, string>,
  options: {
    worker?: boolean;
    overrides?: Record<string, string>;
    /** Twilio's calls-per-second limit on the simulated account (default: high enough never to matter). */
    simulatorCallsPerSecond?: number;
    /** How fast simulated people act: 0 (tests) at once, 1 real time. */
    delayScale?: number;
  } = {},
): Promise<SimulatedService> {
  const httpPort = await freePort();
  const publicBaseUrl = `http://127.0.0.1:${httpPort}`;
  const account = { sid: `AC${randomBytes(16).toString('hex')}`, authToken: randomBytes(16).toString('hex') };
  const simulator = await startTwilioSimulator({
    port: 0,
    accounts: [account],
    phoneNumbers: [{ phoneNumber: serviceNumber, smsUrl: `${publicBaseUrl}/webhooks/twilio/sms` }],
    delayScale: options.delayScale ?? 0,
    callsPerSecond: options.simulatorCallsPerSecond ?? 50,
    personaDir,
  });
  const env = {
    ...serverEnv,
    HTTP_PORT: String(httpPort),
    PUBLIC_BASE_URL: publicBaseUrl,
    TWILIO_ACCOUNT_SID: account.sid,
    TWILIO_AUTH_TOKEN: account.authToken,
    TWILIO_API_BASE_URL: simulator.url,
    TWILIO_FROM_NUMBER: serviceNumber,
    // Never waiting on Twilio's real rates, unless an override says otherwise.
    TWILIO_SMS_PER_SECOND: '50',
    TWILIO_CALLS_PER_SECOND: '50',
    PAYMENT_PROVIDER: 'demo',
    PAYMENT_LINK_SECRET: randomBytes(32).toString('hex'),
    PAYMENT_WEBHOOK_SECRET: randomBytes(32).toString('hex'),
    ...options.overrides,
  };
  const config = requireServers(loadConfig(env));
  const service = await startService(config, createLogger(config.logLevel, { pretty: false }), {
    api: true,
    worker: options.worker ?? true,
  });
  await apiKeyFor(service);
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
