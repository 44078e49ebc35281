import { DefaultLogger, Runtime, type LogLevel, type LogMetadata, type MetricsExporterConfig } from '@temporalio/worker';
import type { Logger } from './logger';

const levels: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

let installed = false;

/**
 * Routes the Temporal SDK's logs (worker, workflow and activity loggers, and the Rust core's own
 * lines) into our pino logger. The Runtime is process-wide and can be installed once; we also
 * take over shutdown signals so our supervisor closes the HTTP server and the worker in order.
 * `metrics`: the runtime's own metrics exporter (src/metrics/temporal-runtime-metrics.ts).
 */
export function installTemporalRuntimeLogger(logger: Logger, metrics?: MetricsExporterConfig): void {
  if (installed) return;
  installed = true;
  const temporalLogger = logger.child({ component: 'temporal' });
  if (Runtime._instance !== undefined) {
    // Something in this process (a test environment) already created the Runtime with its own logger.
    temporalLogger.debug('Temporal runtime already installed; keeping its logger');
    return;
  }
  Runtime.install({
    shutdownSignals: [],
    logger: new DefaultLogger('INFO', ({ level, message, meta }) => {
      // Our SMS and voice workers poll activities only, by design: not worth a warning. The
      // workflow bundler's full webpack report is for debugging, not for every start. And the Java
      // time-skipping test server (tests only) lacks a capability the core warns about on each connect.
      const expected =
        message.startsWith('No workflows registered') ||
        message.startsWith('asset workflow-bundle') ||
        message.includes('activity_failure_include_heartbeat');
      temporalLogger[expected ? 'debug' : levels[level]](meta as LogMetadata, message);
    }),
    telemetryOptions: { logging: { filter: { core: 'WARN', other: 'ERROR' }, forward: {} }, ...(metrics ? { metrics } : {}) },
  });
}
