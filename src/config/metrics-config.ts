import { z } from 'zod';

// The metrics settings (src/metrics), read beside config.ts and kept in Config.metrics.

const metricsSchema = z.object({
  METRICS_HOST: z.string().trim().min(1).default('127.0.0.1'),
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  TEMPORAL_METRICS_ADDRESS: z
    .string()
    .trim()
    .regex(/^[^\s:]+:\d{1,5}$/, 'must be host:port, e.g. 127.0.0.1:9465')
    .optional(),
});

export interface MetricsConfig {
  /** A listener of its own serving /metrics without credentials, for a Prometheus on a private network. Unset: none. */
  readonly listener?: { readonly host: string; readonly port: number };
  /** Where the Temporal SDK's runtime serves the worker's own metrics (host:port); /metrics includes them. Unset: off. */
  readonly temporalBindAddress?: string;
}

/** The settings, or the problems as `KEY: reason` lines for loadConfig's ConfigError. An empty value means "not set". */
export function parseMetricsConfig(env: Record<string, string | undefined>): { metrics: MetricsConfig; problems: string[] } {
  const parsed = metricsSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== '')));
  if (!parsed.success) return { metrics: {}, problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  const e = parsed.data;
  const metrics = {
    ...(e.METRICS_PORT !== undefined ? { listener: { host: e.METRICS_HOST, port: e.METRICS_PORT } } : {}),
    ...(e.TEMPORAL_METRICS_ADDRESS ? { temporalBindAddress: e.TEMPORAL_METRICS_ADDRESS } : {}),
  };
  return { metrics, problems: [] };
}
