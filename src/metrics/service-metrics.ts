import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { temporalRuntimeMetricsText } from './temporal-runtime-metrics';

// What the on-call engineer watches (deploy/grafana/parley.json), in one registry per running
// service rather than prom-client's global one, so two services in one process (the tests) keep
// their counts apart. Each process counts what it sees: the API its webhooks, a worker its
// activities, texts and calls; Prometheus adds the processes up.

/** Seconds: Twilio gives up on a webhook at 15 s, so the buckets are finest below that. */
const secondsBuckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30];
/** Seconds a caller waits in the agents' queue. */
const queueBuckets = [5, 15, 30, 60, 120, 300, 600, 1200];

/** `runtimeMetricsAddress`: where this process's Temporal runtime serves the worker's metrics, appended to the exposition. */
export function createServiceMetrics(options: { runtimeMetricsAddress?: string } = {}) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const { runtimeMetricsAddress } = options;
  return {
    registry,
    contentType: registry.contentType,
    /** The Prometheus text of GET /metrics. */
    async exposition(): Promise<string> {
      const own = await registry.metrics();
      return runtimeMetricsAddress ? `${own}\n${await temporalRuntimeMetricsText(runtimeMetricsAddress)}` : own;
    },
    webhookDuration: new Histogram({
      name: 'parley_webhook_duration_seconds',
      help: 'Time to answer a webhook (Twilio, payments), by route and status code',
      labelNames: ['route', 'status'] as const,
      buckets: secondsBuckets,
      registers,
    }),
    turnDuration: new Histogram({
      name: 'parley_call_turn_duration_seconds',
      help: "Time from a caller's answer reaching the call to its reply being ready, by dialog engine",
      labelNames: ['engine'] as const,
      buckets: secondsBuckets,
      registers,
    }),
    llmFallbacks: new Counter({
      name: 'parley_llm_fallbacks_total',
      help: "Call turns the rule engine answered because the LLM's answer was missing or refused, by reason",
      labelNames: ['reason'] as const,
      registers,
    }),
    faqAnswers: new Counter({
      name: 'parley_faq_answers_total',
      help: "Call turns answered from the campaign's FAQ by the rule engine, without the LLM, by FAQ entry and language",
      labelNames: ['faq_id', 'language'] as const,
      registers,
    }),
    textsSent: new Counter({
      name: 'parley_texts_sent_total',
      help: 'Texts handed to Twilio, by result (sent, rejected, error)',
      labelNames: ['result'] as const,
      registers,
    }),
    textDeliveries: new Counter({
      name: 'parley_text_deliveries_total',
      help: "Texts' final delivery reports, by status (delivered, undelivered, failed)",
      labelNames: ['status'] as const,
      registers,
    }),
    textsReceived: new Counter({ name: 'parley_texts_received_total', help: 'Inbound texts', registers }),
    callsPlaced: new Counter({
      name: 'parley_calls_placed_total',
      help: 'Calls asked of Twilio, by result (placed, rejected, error)',
      labelNames: ['result'] as const,
      registers,
    }),
    callOutcomes: new Counter({
      name: 'parley_call_outcomes_total',
      help: "Calls' final statuses, and who answered (answering machine detection)",
      labelNames: ['status', 'answered_by'] as const,
      registers,
    }),
    handOffs: new Counter({
      name: 'parley_handoffs_total',
      help: 'Hand-offs to an agent that ended, by result (completed when an agent took the call)',
      labelNames: ['result'] as const,
      registers,
    }),
    handOffQueueWait: new Histogram({
      name: 'parley_handoff_queue_wait_seconds',
      help: "Time a handed-off caller waited in the agents' queue, by result",
      labelNames: ['result'] as const,
      buckets: queueBuckets,
      registers,
    }),
    workflowStarts: new Counter({
      name: 'parley_workflow_starts_total',
      help: 'Workflows started by this service, by workflow type',
      labelNames: ['workflow_type'] as const,
      registers,
    }),
    activityDuration: new Histogram({
      name: 'parley_activity_duration_seconds',
      help: "Activity executions on this worker, by type and outcome (completed, failed, cancelled, async: completed later by a webhook)",
      labelNames: ['activity_type', 'outcome'] as const,
      buckets: secondsBuckets,
      registers,
    }),
  };
}

export type ServiceMetrics = ReturnType<typeof createServiceMetrics>;
