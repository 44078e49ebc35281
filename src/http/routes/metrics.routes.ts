import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app-deps';
import { registerWebhookMetrics } from '../../metrics/webhook-metrics';

/** GET /metrics: Prometheus's text, for a caller with a key (METRICS_PORT serves it without one, on a private network); and the timing of every webhook. */
export async function metricsRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  registerWebhookMetrics(app, deps.metrics);
  app.get('/metrics', async (_request, reply) => reply.type(deps.metrics.contentType).send(await deps.metrics.exposition()));
}
