import formBody from '@fastify/formbody';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerAdminRoutes } from './admin/admin-routes';
import type { SimulatorContext } from './context';
import { SimulatorUsageError } from './personas/people-registry';
import { PersonaValidationError } from './personas/persona-loader';
import { registerCallRoutes } from './rest/calls-routes';
import { registerMessageRoutes } from './rest/messages-routes';
import { registerRecordingRoutes } from './rest/recordings-routes';
import { TwilioApiError, twilioErrors } from './twilio-errors';

/** The simulator's HTTP face: Twilio's REST API where the twilio client expects it, and /_sim/. */
export async function buildSimulatorApp(context: SimulatorContext): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, forceCloseConnections: true });
  await app.register(formBody);
  registerMessageRoutes(app, context);
  registerCallRoutes(app, context);
  registerRecordingRoutes(app, context);
  registerAdminRoutes(app, context);

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof TwilioApiError) return reply.code(error.status).send(error.toBody());
    if (error instanceof SimulatorUsageError || error instanceof PersonaValidationError) {
      return reply.code(400).send({ error: error.message });
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status !== undefined && status < 500) return reply.code(status).send({ error: (error as Error).message });
    context.log({ level: 'error', message: `${request.method} ${request.url} failed: ${(error as Error).message}` });
    return reply.code(500).send({ error: 'internal simulator error' });
  });

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/2010-04-01/')) {
      const error = twilioErrors.notFound(request.url.split('?')[0]!);
      return reply.code(error.status).send(error.toBody());
    }
    return reply.code(404).send({ error: `no route ${request.method} ${request.url}` });
  });
  return app;
}
