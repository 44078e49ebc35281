import path from 'node:path';
import { withEmbeddedServers, type Config } from '../../config/config';
import type { Logger } from '../../logging/logger';
import { startFerretDb, startTemporalDevServer } from '../../dev/local-servers';
import { startService, type ResolvedConfig } from '../../service/service';
import { onShutdownSignal } from '../shutdown';

/**
 * `parley dev`: the whole service on one machine. Starts the embedded Temporal dev server and
 * FerretDB unless TEMPORAL_ADDRESS / MONGODB_URI point elsewhere, then the worker and the API,
 * prints where each listens, and closes everything in order on Ctrl-C.
 */
export async function devCommand(config: Config, logger: Logger): Promise<void> {
  const logDir = path.join(config.dataDir, 'logs');
  const stops: Array<{ name: string; stop(): Promise<void> }> = [];
  const shutdown = async () => {
    for (const part of stops.reverse()) {
      logger.info(`stopping ${part.name}`);
      await part.stop().catch((err: unknown) => logger.error({ err }, `stopping ${part.name} failed`));
    }
  };
  onShutdownSignal(logger, shutdown);

  try {
    const lines: string[] = [];
    let temporalAddress = config.temporal.address;
    if (!temporalAddress) {
      const temporal = await startTemporalDevServer({
        port: config.temporal.devServer.port,
        uiPort: config.temporal.devServer.uiPort,
        dbFile: path.join(config.dataDir, 'temporal', 'temporal.sqlite'),
        namespace: config.temporal.namespace,
        logDir,
      });
      stops.push({ name: 'Temporal dev server', stop: temporal.stop });
      temporalAddress = temporal.address;
      lines.push(`Temporal dev server   ${temporal.address}   (log ${temporal.logFile})`, `Temporal Web UI       ${temporal.uiUrl}`);
    } else {
      lines.push(`Temporal              ${temporalAddress} (external)`);
    }

    let mongoUri = config.mongo.uri;
    if (!mongoUri) {
      const mongo = await startFerretDb({ port: config.mongo.ferretDbPort, stateDir: path.join(config.dataDir, 'ferretdb'), logDir });
      stops.push({ name: 'FerretDB', stop: mongo.stop });
      mongoUri = mongo.uri;
      lines.push(`MongoDB (FerretDB)    ${mongo.uri}${config.mongo.database}   (log ${mongo.logFile})`);
    } else {
      lines.push(`MongoDB               external (MONGODB_URI)`);
    }

    const resolved = withEmbeddedServers(config, { temporalAddress, mongoUri }) as ResolvedConfig;
    const service = await startService(resolved, logger, { api: true, worker: true });
    stops.push({ name: 'worker and API', stop: service.stop });
    lines.push(
      `Worker                task queue "${resolved.temporal.taskQueue}" in namespace "${resolved.temporal.namespace}"`,
      `HTTP API              ${service.httpUrl}   (health ${service.httpUrl}/healthz, readiness ${service.httpUrl}/readyz)`,
    );
    process.stdout.write(`\nParley is running. Ctrl-C stops everything.\n\n${lines.map((l) => `  ${l}`).join('\n')}\n\n`);
  } catch (err) {
    await shutdown();
    throw err;
  }
}
