import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { PaymentEvent, PaymentProvider } from './payment-provider';

export const demoSignatureHeader = 'x-parley-signature';

export function signDemoWebhook(secret: string, rawBody: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/**
 * The embedded payment provider: it accepts every payment, and like a real provider it reports
 * it by an HMAC-signed webhook call to our own endpoint, so the service takes payments the same
 * way whichever provider is behind them.
 */
export function createDemoPaymentProvider(options: { secret: string; webhookUrl: string; onError?: (err: unknown) => void }): PaymentProvider {
  return {
    id: 'demo',
    async charge({ workflowId, amountMinor, currency }) {
      const event: PaymentEvent = { paymentId: `demo_${randomUUID()}`, workflowId, amountMinor, currency, at: Date.now() };
      const body = JSON.stringify(event);
      // Like a real provider, the webhook arrives apart from the checkout's own response.
      setImmediate(() => {
        fetch(options.webhookUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [demoSignatureHeader]: signDemoWebhook(options.secret, body) },
          body,
          signal: AbortSignal.timeout(10_000),
        })
          .then((response) => {
            if (!response.ok) throw new Error(`payment webhook answered ${response.status}`);
          })
          .catch((err: unknown) => options.onError?.(err));
      });
      return { paymentId: event.paymentId };
    },
    verifyWebhook(rawBody, headers) {
      const given = headers[demoSignatureHeader];
      if (typeof given !== 'string') throw new Error(`missing ${demoSignatureHeader} header`);
      const expected = signDemoWebhook(options.secret, rawBody);
      if (given.length !== expected.length || !timingSafeEqual(Buffer.from(given), Buffer.from(expected))) {
        throw new Error('signature does not match the body');
      }
      const event = JSON.parse(rawBody.toString('utf8')) as Partial<PaymentEvent>;
      if (
        typeof event.paymentId !== 'string' ||
        typeof event.workflowId !== 'string' ||
        !Number.isSafeInteger(event.amountMinor) ||
        (event.amountMinor ?? 0) <= 0 ||
        typeof event.currency !== 'string' ||
        typeof event.at !== 'number'
      ) {
        throw new Error('the event is missing paymentId, workflowId, a positive amountMinor, currency or at');
      }
      return event as PaymentEvent;
    },
  };
}
