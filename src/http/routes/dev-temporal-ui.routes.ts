import type { FastifyInstance } from 'fastify';
import proxy from '@fastify/http-proxy';
import { devTemporalUiPrefix } from '../access/route-access';

/**
 * The embedded Temporal Web UI (started with this public path) behind the API. Never behind a
 * public address: the dev UI can terminate workflows and asks nobody, so a tunnel must not reach it.
 */
export async function devTemporalUiRoutes(app: FastifyInstance, uiOrigin: string | undefined, publicBaseUrl: string): Promise<void> {
  if (!uiOrigin || !isLoopback(publicBaseUrl)) return;
  await app.register(proxy, { upstream: uiOrigin, prefix: devTemporalUiPrefix, rewritePrefix: devTemporalUiPrefix });
}

export function isLoopback(url: string): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);
}
