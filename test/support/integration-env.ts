import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { loadConfig, requireServers } from '../../src/config/config';
import type { ResolvedConfig } from '../../src/service/service';

/**
 * The environment of one test file: the shared servers from the global setup, with a database
 * and a task queue of its own so files never see each other's data or steal each other's tasks.
 * As an environment (not only a config) so a child process can be given the same one.
 */
export function integrationEnv(name: string, env: Record<string, string> = {}): Record<string, string> {
  const suffix = `${name.replace(/[^a-z0-9]+/gi, '_')}_${randomUUID().slice(0, 8)}`;
  return {
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    HTTP_PORT: '0',
    MONGODB_DATABASE: `test_${suffix}`,
    TEMPORAL_TASK_QUEUE: `test-${suffix}`,
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    MONGODB_URI: inject('mongoUri'),
    // Tests poll the API as fast as they like; the limit itself is tested on its own.
    RATE_LIMIT_API_PER_MINUTE: '1000000',
    ...env,
  };
}

export function integrationConfig(name: string, env: Record<string, string> = {}): ResolvedConfig {
  return requireServers(loadConfig(integrationEnv(name, env)));
}
