import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import formbody from '@fastify/formbody';
import type { Logger } from '../logging/logger';
import type { Config } from '../config/config';
import type { MongoHandle } from '../adapters/mongo/connection';
import type { TemporalGateway } from '../temporal/gateway';
import { healthRoutes } from './routes/health.routes';
import { AppError } from './app-error';

export interface AppDeps {
  config: Config;
  logger: Logger;
  mongo: MongoHandle;
  gateway: TemporalGateway;
}

/** Builds the HTTP app without listening, so tests can `inject` into the real thing. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    // pino's Logger is a FastifyBaseLogger; the cast only widens the generic so routes type as usual.
    loggerInstance: deps.logger.child({ component: 'http' }) as FastifyBaseLogger,
    bodyLimit: deps.config.http.bodyLimitBytes,
  });
  await app.register(formbody);

  // One error handler: the real message below 500, a generic one above (and the detail in the log).
  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, request, reply) => {
    const status = err instanceof AppError ? err.status : err.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err }, 'request failed');
      return reply.code(status).send({ error: 'internal_error', message: 'Something went wrong on our side; it has been logged.' });
    }
    const body = err instanceof AppError ? err.toJSON() : { error: err.code ?? 'bad_request', message: err.message };
    return reply.code(status).send(body);
  });

  await healthRoutes(app, [
    { name: 'temporal', check: () => deps.gateway.ping() },
    { name: 'mongodb', check: () => deps.mongo.ping() },
  ]);
  return app;
}
