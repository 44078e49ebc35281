import { common, type JsonSchema } from './openapi-json-schema';

// The on-call engineer's metrics (src/metrics): its names and labels are listed in docs/metrics.md.

export const metricsPaths: Record<string, JsonSchema> = {
  '/metrics': {
    get: {
      summary:
        "Prometheus metrics: webhook and call-turn latency, texts, calls and their outcomes, hand-offs and queue wait, LLM fallbacks, workflow starts, activities, and (on a worker with TEMPORAL_METRICS_ADDRESS) the Temporal SDK's own; METRICS_PORT serves the same without credentials",
      tags: ['operations'],
      responses: { 200: { description: 'Prometheus text exposition format 0.0.4', content: { 'text/plain': { schema: { type: 'string' } } } }, ...common },
    },
  },
};
