import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logging/logger';
import type { ServiceMetrics } from './service-metrics';

export interface MetricsListener {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * GET /metrics without credentials, on a port of its own (METRICS_PORT): for a Prometheus on a
 * private network, which the API's port (public, behind keys) is not. A worker without the API
 * is scraped here too. Metrics carry counts and durations only, never a person's data.
 */
export function startMetricsListener(listener: { host: string; port: number }, metrics: ServiceMetrics, logger: Logger): Promise<MetricsListener> {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    metrics.exposition().then(
      (text) => response.writeHead(200, { 'content-type': metrics.contentType }).end(text),
      (err: unknown) => {
        logger.error({ err }, 'metrics exposition failed');
        response.writeHead(500).end();
      },
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(listener.port, listener.host, () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://${listener.host}:${port}/metrics`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}
