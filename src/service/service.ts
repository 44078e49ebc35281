import type { FastifyInstance } from 'fastify';
import type { Worker } from '@temporalio/worker';
import type { Client } from '@temporalio/client';
import type { Config } from '../config/config';
import type { Logger } from '../logging/logger';
import { connectMongo, type MongoHandle } from '../adapters/mongo/connection';
import { connectTemporalClient } from '../temporal/client';
import { TemporalGateway } from '../temporal/gateway';
import { createParleyWorker } from '../temporal/worker';
import { installTemporalRuntimeLogger } from '../logging/temporal-runtime-logger';
import { buildApp } from '../http/app';

export type ResolvedConfig = Config & { temporal: { address: string }; mongo: { uri: string } };

export interface RunningService {
  readonly httpUrl?: string;
  readonly gateway: TemporalGateway;
  readonly mongo: MongoHandle;
  stop(): Promise<void>;
}

/**
 * Starts the API, the worker, or both in one process, against servers that are already running.
 * stop() closes in the order that loses nothing: stop taking requests, let the worker finish
 * its in-flight tasks, then close the connections.
 */
export async function startService(
  config: ResolvedConfig,
  logger: Logger,
  roles: { api: boolean; worker: boolean },
): Promise<RunningService> {
  const mongo = await connectMongo(config.mongo.uri, config.mongo.database);
  let client: Client | undefined;
  let worker: Worker | undefined;
  let workerRun: Promise<void> | undefined;
  let app: FastifyInstance | undefined;
  try {
    client = await connectTemporalClient(config.temporal);
    const gateway = new TemporalGateway(client, config.temporal.taskQueue);

    if (roles.worker) {
      installTemporalRuntimeLogger(logger);
      worker = await createParleyWorker(config.temporal, { models: mongo.models });
      workerRun = worker.run();
      workerRun.catch((err) => logger.fatal({ err }, 'worker stopped with an error'));
    }
    let httpUrl: string | undefined;
    if (roles.api) {
      app = await buildApp({ config, logger, mongo, gateway });
      await app.listen({ host: config.http.host, port: config.http.port });
      const address = app.server.address();
      httpUrl = typeof address === 'object' && address ? `http://${config.http.host}:${address.port}` : config.http.publicBaseUrl;
    }

    const running = { app, worker, workerRun, client, mongo };
    return { httpUrl, gateway, mongo, stop: () => stopAll(running, logger) };
  } catch (err) {
    await stopAll({ app, worker, workerRun, client, mongo }, logger);
    throw err;
  }
}

async function stopAll(
  parts: { app?: FastifyInstance; worker?: Worker; workerRun?: Promise<void>; client?: Client; mongo: MongoHandle },
  logger: Logger,
): Promise<void> {
  await parts.app?.close();
  if (parts.worker && parts.worker.getState() === 'RUNNING') parts.worker.shutdown();
  await parts.workerRun?.catch(() => undefined);
  await parts.worker?.connection?.close().catch((err: unknown) => logger.warn({ err }, 'closing the worker connection failed'));
  await parts.client?.connection.close();
  await parts.mongo.close();
}
