import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { AppError } from '../../errors/app-error';
import { createPaymentLinks } from '../../payments/payment-links';
import { createDemoPaymentProvider } from '../../payments/demo-payment-provider';
import { recordPayment } from '../../use-cases/record-payment';
import { formatMoney, parseAmount } from '../../policy/money';
import { escapeXml } from '../twiml';

const payForm = z.object({ action: z.literal('pay'), amount: z.string().optional() });

/**
 * The payment page a texted link opens, and the provider's webhook that reports the payment.
 * Paying on the page asks the provider to charge; the money only counts when the provider's
 * signed webhook arrives, exactly as it would with a real provider.
 */
export async function paymentRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const { linkSecret, webhookSecret, linkTtlMs } = deps.config.payments;
  if (!linkSecret || !webhookSecret) {
    app.log.warn('PAYMENT_LINK_SECRET / PAYMENT_WEBHOOK_SECRET unset: payment pages and webhooks are off');
    return;
  }
  const base = deps.config.http.publicBaseUrl;
  const links = createPaymentLinks({ secret: linkSecret, publicBaseUrl: base, ttlMs: linkTtlMs });
  const provider = createDemoPaymentProvider({
    secret: webhookSecret,
    webhookUrl: `${base}/webhooks/payments/demo`,
    onError: (err) => app.log.error({ err }, 'demo payment webhook failed'),
  });

  async function accountFor(token: string) {
    const verified = links.verify(token);
    if (!verified.ok) {
      throw new AppError(verified.reason === 'expired' ? 'link_expired' : 'link_invalid', verified.reason === 'expired' ? 'This payment link has expired; reply PAY for a new one.' : 'This payment link is not valid.', verified.reason === 'expired' ? 410 : 404);
    }
    const debtor = await deps.mongo.repositories.debtors.byWorkflowId(verified.workflowId);
    if (!debtor) throw new AppError('link_invalid', 'This payment link is not valid.', 404);
    const state = await deps.gateway.debtorState(debtor.workflowId);
    return { debtor, state };
  }

  app.get<{ Params: { token: string } }>('/pay/:token', async (request, reply) => {
    const { debtor, state } = await accountFor(request.params.token);
    const amount = formatMoney(state.balanceMinor, debtor.currency, debtor.language);
    const content =
      state.balanceMinor === 0
        ? `<p>Nothing is due on this account. Thank you.</p>`
        : `<p>Amount due: <strong>${escapeXml(amount)}</strong></p>
<form method="post"><input type="hidden" name="action" value="pay">
<label>Amount <input name="amount" inputmode="decimal" placeholder="${escapeXml(amount)}"></label>
<button type="submit">Pay</button></form>`;
    return reply.type('text/html').send(page(`Hello ${escapeXml(debtor.firstName)}`, content));
  });

  app.post<{ Params: { token: string } }>('/pay/:token', async (request, reply) => {
    const form = payForm.parse(request.body);
    const { debtor, state } = await accountFor(request.params.token);
    let amountMinor = state.balanceMinor;
    if (form.amount && form.amount.trim() !== '') {
      const parsed = parseAmount(form.amount, debtor.currency);
      if (!parsed.ok) throw new AppError('invalid_amount', `amount: ${parsed.reason}`, 400, [{ path: 'amount', message: parsed.reason }]);
      amountMinor = parsed.minorUnits;
    }
    if (amountMinor <= 0 || amountMinor > state.balanceMinor) {
      throw new AppError('invalid_amount', `amount: must be more than 0 and at most the balance`, 400, [{ path: 'amount', message: 'must be more than 0 and at most the balance' }]);
    }
    const { paymentId } = await provider.charge({ workflowId: debtor.workflowId, amountMinor, currency: debtor.currency });
    request.log.info({ workflowId: debtor.workflowId, paymentId }, 'payment taken on the payment page');
    return reply.type('text/html').send(page('Thank you', `<p>Your payment of ${escapeXml(formatMoney(amountMinor, debtor.currency, debtor.language))} is being processed. Reference ${escapeXml(paymentId)}.</p>`));
  });

  // The provider posts JSON whose HMAC covers the exact bytes, so this route keeps the raw body.
  await app.register(async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    scope.post('/webhooks/payments/demo', async (request, reply) => {
      let event;
      try {
        event = provider.verifyWebhook(request.body as Buffer, request.headers);
      } catch (err) {
        request.log.warn({ reason: (err as Error).message }, 'payment webhook refused');
        throw new AppError('invalid_signature', `payment webhook refused: ${(err as Error).message}`, 403);
      }
      await recordPayment(deps, { ...event, provider: provider.id });
      return reply.send({ received: true });
    });
  });
}

function page(title: string, content: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body><h1>${title}</h1>${content}</body></html>`;
}
