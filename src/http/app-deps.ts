import type { Logger } from '../logging/logger';
import type { Config } from '../config/config';
import type { MongoHandle } from '../adapters/mongo/connection';
import type { TemporalGateway } from '../temporal/gateway';
import type { ServiceMetrics } from '../metrics/service-metrics';
import type { LiveHub } from '../live/live-hub';

/** What the HTTP app and each of its routes are built from (a module of its own, so routes do not import the app that registers them). */
export interface AppDeps {
  config: Config;
  logger: Logger;
  mongo: MongoHandle;
  gateway: TemporalGateway;
  /** What the on-call engineer watches (src/metrics); routes record the webhooks' facts in it. */
  metrics: ServiceMetrics;
  /** What the console's Live page is told, as webhooks arrive (src/live). */
  live: LiveHub;
  /** `parley dev`'s embedded Temporal Web UI, served under the API (routes/dev-temporal-ui.routes.ts). */
  temporalUiUrl?: string;
}
