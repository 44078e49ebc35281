import type { FastifyInstance, FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { AppError } from '../../errors/app-error';
import type { Config } from '../../config/config';

/**
 * Per key (or token subject) on the API; per IP and per link on the payment page, where nobody
 * holds a key and a guessed or leaked link must not become a way to try cards at speed. Twilio's
 * and the provider's webhooks are signed and not limited: a burst from Twilio is real traffic.
 * Registered after the auth guard, whose principal the API limit counts against.
 */
export async function registerRateLimits(app: FastifyInstance, limits: Config['rateLimits']): Promise<void> {
  await app.register(rateLimit, { global: false, timeWindow: '1 minute' });
  const perPrincipal = app.createRateLimit({ max: limits.apiPerMinute, keyGenerator: (request) => request.principal?.limitKey ?? request.ip });
  const perIp = app.createRateLimit({ max: limits.payPerIpPerMinute, keyGenerator: (request) => `pay-ip:${request.ip}` });
  const perLink = app.createRateLimit({ max: limits.payPerLinkPerMinute, keyGenerator: (request) => `pay-link:${(request.params as { token?: string }).token}` });

  app.addHook('onRequest', async (request, reply) => {
    const checks = request.routeOptions.url === '/pay/:token' ? [perIp, perLink] : request.principal ? [perPrincipal] : [];
    for (const check of checks) {
      const limit = await check(request as FastifyRequest);
      if (!limit.isAllowed && limit.isExceeded) {
        const seconds = Math.max(1, Math.ceil(limit.ttl / 1000));
        reply.header('retry-after', String(seconds));
        throw new AppError('rate_limited', `too many requests: at most ${limit.max} a minute here; try again in ${seconds} s`, 429);
      }
    }
  });
}
