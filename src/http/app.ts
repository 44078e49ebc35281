import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import formbody from '@fastify/formbody';
import cookie from '@fastify/cookie';
import type { AppDeps } from './app-deps';
import { healthRoutes } from './routes/health.routes';
import { campaignRoutes } from './routes/campaign.routes';
import { debtorRoutes } from './routes/debtor.routes';
import { surveyRoutes } from './routes/survey.routes';
import { openApiRoutes } from './routes/openapi.routes';
import { AppError } from '../errors/app-error';
import { ZodError } from 'zod';
import { twilioWebhookRoutes } from './routes/twilio-webhooks.routes';
import { paymentRoutes } from './routes/payment.routes';
import { consentRoutes } from './routes/consent.routes';
import { voiceWebhookRoutes } from './routes/voice-webhooks.routes';
import { audioRoutes } from './routes/audio.routes';
import { surveyResultsRoutes } from './routes/survey-results.routes';
import { respondentRoutes } from './routes/respondent.routes';
import { codecRoutes } from './routes/codec.routes';
import { codecSignInRoutes } from './routes/codec-sign-in.routes';
import { devTemporalUiRoutes } from './routes/dev-temporal-ui.routes';
import { erasureRoutes } from './routes/erasure.routes';
import { timelineRoutes } from './routes/timeline.routes';
import { consoleRoutes } from './routes/console.routes';
import { consoleSessionRoutes } from './routes/console-session.routes';
import { outreachListRoutes } from './routes/outreach-lists.routes';
import { humanTaskQueueRoutes } from './routes/human-task-queue.routes';
import { dashboardRoutes } from './routes/dashboard.routes';
import { experimentRoutes } from './routes/experiment.routes';
import { metricsRoutes } from './routes/metrics.routes';
import { liveRoutes } from './routes/live.routes';
import { registerAuthGuard } from './access/auth-guard';
import { registerRateLimits } from './access/rate-limits';
import { createAuthenticator } from '../auth/authenticator';

/** Builds the HTTP app without listening, so tests can `inject` into the real thing. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    // pino's Logger is a FastifyBaseLogger; the cast only widens the generic so routes type as usual.
    loggerInstance: deps.logger.child({ component: 'http' }, { serializers: { req: requestForLog } }) as FastifyBaseLogger,
    bodyLimit: deps.config.http.bodyLimitBytes,
    // Payment-link tokens (signed claims) are longer than the router's default 100 characters.
    routerOptions: { maxParamLength: 512 },
  });
  await app.register(formbody);
  // Before the guard: its check reads the codec's sign-in cookie (access/session-cookie.ts).
  await app.register(cookie);
  const authenticate = createAuthenticator(deps.mongo.repositories, deps.config.oidc);
  registerAuthGuard(app, authenticate);
  await registerRateLimits(app, deps.config.rateLimits);

  // One error handler: the real message below 500, a generic one above (and the detail in the log).
  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, request, reply) => {
    if (err instanceof ZodError) {
      const details = err.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      return reply.code(400).send({ error: 'invalid_request', message: details.map((d) => `${d.path}: ${d.message}`).join('; '), details });
    }
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
  await campaignRoutes(app, deps);
  await debtorRoutes(app, deps);
  await surveyRoutes(app, deps);
  await openApiRoutes(app, deps);
  await twilioWebhookRoutes(app, deps);
  await paymentRoutes(app, deps);
  await consentRoutes(app, deps);
  await voiceWebhookRoutes(app, deps);
  await audioRoutes(app, deps);
  await surveyResultsRoutes(app, deps);
  await respondentRoutes(app, deps);
  await codecRoutes(app, deps);
  await codecSignInRoutes(app, deps, authenticate);
  await devTemporalUiRoutes(app, deps.temporalUiUrl, deps.config.http.publicBaseUrl);
  await erasureRoutes(app, deps);
  await timelineRoutes(app, deps);
  await consoleSessionRoutes(app, deps, authenticate);
  await liveRoutes(app, deps);
  await consoleRoutes(app);
  await outreachListRoutes(app, deps);
  await humanTaskQueueRoutes(app, deps);
  await dashboardRoutes(app, deps);
  await experimentRoutes(app, deps);
  await metricsRoutes(app, deps);
  return app;
}

/**
 * What the access log keeps of a request. A payment-link token opens a debtor's name and balance
 * to whoever holds it, so it never reaches a log line.
 */
function requestForLog(request: { method: string; url: string; ip?: string }) {
  return { method: request.method, url: request.url.replace(/^\/pay\/[^/?#]+/, '/pay/[token]'), remoteAddress: request.ip };
}
