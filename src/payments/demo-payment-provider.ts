import { createHash } from 'node:crypto';
import { webhookToleranceMs, type PaymentEvent, type PaymentProvider } from './payment-provider';
import { signWebhook, verifyWebhookSignature } from './webhook-signature';

export const demoSignatureHeader = 'x-parley-signature';

/**
 * The embedded payment provider of `parley dev` and the tests: it accepts every payment and moves
 * no money (so `parley serve` refuses it). Like a real provider it reports each payment by a
 * signed, timestamped webhook call to our own endpoint, and the same idempotency key is the same
 * payment, so the service takes payments the same way whichever provider is behind them.
 */
export function createDemoPaymentProvider(options: { secret: string; webhookUrl: string; onError?: (err: unknown) => void }): PaymentProvider {
  const idFor = (prefix: string, key: string) => `${prefix}_${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
  return {
    id: 'demo',
    async checkout({ workflowId, amountMinor, currency, idempotencyKey }) {
      const event: PaymentEvent = { paymentId: idFor('demo', idempotencyKey), workflowId, amountMinor, currency, at: Date.now() };
      const body = JSON.stringify(event);
      // Like a real provider, the webhook arrives apart from the checkout's own response.
      setImmediate(() => {
        fetch(options.webhookUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [demoSignatureHeader]: signWebhook(options.secret, body) },
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
      verifyWebhookSignature(options.secret, rawBody, headers[demoSignatureHeader], webhookToleranceMs);
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
    async refund({ idempotencyKey }) {
      return { refundId: idFor('demo_refund', idempotencyKey) };
    },
  };
}
