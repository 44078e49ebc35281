import { integrationEnv } from './integration-env';
import { startSimulatedService, type SimulatedService } from './simulated-service';

export { personaDir, serviceNumber } from './simulated-service';

export type CollectionsStack = SimulatedService;

/**
 * The service wired to its own Twilio simulator (see simulated-service.ts) on the test run's
 * servers, with a database and task queue of its own. `temporalAddress` points it at another
 * server (the time-skipping one); `env` adds the settings of one test file (OPENAI_*, ...).
 */
export function startCollectionsStack(
  name: string,
  options: {
    temporalAddress?: string;
    worker?: boolean;
    env?: Record<string, string>;
    /** Twilio's calls-per-second limit on the simulated account (default: high enough never to matter). */
    simulatorCallsPerSecond?: number;
  } = {},
): Promise<CollectionsStack> {
  const servers = integrationEnv(name, options.temporalAddress ? { TEMPORAL_ADDRESS: options.temporalAddress } : {});
  return startSimulatedService(servers, {
    worker: options.worker,
    overrides: options.env,
    simulatorCallsPerSecond: options.simulatorCallsPerSecond,
  });
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
