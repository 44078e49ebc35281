import type { MetricsExporterConfig } from '@temporalio/worker';

// The Temporal SDK's own worker metrics (polls, task slots, schedule-to-start latency, sticky
// cache, workflows completed by type), which its Rust core serves on an address of its own.
// /metrics appends them, so one scrape of a worker has both.

/** The runtime's Prometheus exporter (Runtime.install's telemetryOptions.metrics). */
export function temporalRuntimeMetrics(bindAddress: string): MetricsExporterConfig {
  return { prometheus: { bindAddress, useSecondsForDurations: true } };
}

/** The names the dashboard charts (deploy/grafana/parley.json); test/integration/metrics.test.ts sees each served. */
export const temporalWorkerMetricNames = [
  'temporal_worker_task_slots_available',
  'temporal_worker_task_slots_used',
  'temporal_num_pollers',
  'temporal_workflow_task_schedule_to_start_latency',
  'temporal_workflow_task_execution_latency',
  'temporal_activity_schedule_to_start_latency',
  'temporal_activity_execution_latency',
  'temporal_workflow_completed',
  'temporal_workflow_endtoend_latency',
  'temporal_sticky_cache_size',
  'temporal_sticky_cache_hit',
  'temporal_request',
  'temporal_long_request',
] as const;

/** The runtime's exposition text, or a comment saying why it is missing (a scrape still gets the service's own). */
export async function temporalRuntimeMetricsText(bindAddress: string): Promise<string> {
  // A wildcard bind is reached on loopback.
  const address = bindAddress.replace(/^(0\.0\.0\.0|\[::\]):/, '127.0.0.1:');
  try {
    const response = await fetch(`http://${address}/metrics`, { signal: AbortSignal.timeout(2_000) });
    if (!response.ok) return `# Temporal worker metrics: ${address} answered ${response.status}\n`;
    return await response.text();
  } catch (err) {
    return `# Temporal worker metrics: ${address} unreachable (${err instanceof Error ? err.message : String(err)})\n`;
  }
}
