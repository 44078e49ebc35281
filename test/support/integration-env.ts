import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { loadConfig, withEmbeddedServers } from '../../src/config/config';
import type { ResolvedConfig } from '../../src/service/service';

/**
 * A config for one test file: the shared servers from the global setup, with a database and a
 * task queue of its own so files never see each other's data or steal each other's tasks.
 */
export function integrationConfig(name: string, env: Record<string, string> = {}): ResolvedConfig {
  const suffix = `${name.replace(/[^a-z0-9]+/gi, '_')}_${randomUUID().slice(0, 8)}`;
  const base = loadConfig({
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    HTTP_PORT: '0',
    MONGODB_DATABASE: `test_${suffix}`,
    TEMPORAL_TASK_QUEUE: `test-${suffix}`,
    ...env,
  });
  return withEmbeddedServers(base, { temporalAddress: inject('temporalAddress'), mongoUri: inject('mongoUri') }) as ResolvedConfig;
}
