import type { FastifyInstance } from 'fastify';
import type { ServiceMetrics } from './service-metrics';

/** Times every webhook the API answers (Twilio's, the payment provider's), by route and status code. */
export function registerWebhookMetrics(app: FastifyInstance, metrics: ServiceMetrics): void {
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url;
    if (!route?.startsWith('/webhooks/')) return;
    metrics.webhookDuration.observe({ route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
}
