import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app';
import type { AppDeps } from '../../src/http/app-deps';
import { loadConfig } from '../../src/config/config';
import { createPaymentLinks } from '../../src/payments/payment-links';
import { createServiceMetrics } from '../../src/metrics/service-metrics';

describe('the access log', () => {
  it('when a payment link is opened, then the log shows the route but never the link token', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const secret = 'x'.repeat(32);
    const config = loadConfig({ PAYMENT_PROVIDER: 'demo', PAYMENT_LINK_SECRET: secret, PAYMENT_WEBHOOK_SECRET: 'y'.repeat(32) });
    // The page answers "not valid" for a link whose account is unknown, after the request is logged;
    // no database or Temporal is reached for a token that fails its signature check.
    const deps = { config, logger: pino({ level: 'info' }, sink), mongo: {}, gateway: {}, metrics: createServiceMetrics() } as unknown as AppDeps;
    const app = await buildApp(deps);
    const token = createPaymentLinks({ secret: 'another-secret-of-32-characters!!', publicBaseUrl: '', ttlMs: 60_000 }).linkFor({ workflowId: 'debtor/c/a', nonce: 'n' }, Date.now()).split('/pay/')[1];

    const response = await app.inject({ method: 'GET', url: `/pay/${token}?utm=sms` });
    await app.close();

    expect(response.statusCode).toBe(404);
    const log = lines.join('');
    expect(log).toContain('/pay/[token]');
    expect(log).not.toContain(token);
  });
});
