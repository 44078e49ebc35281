import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import type { DebtorRecord } from '../../adapters/mongo/repositories';
import { AppError } from '../../errors/app-error';
import { createPaymentLinks, type PaymentLinks } from '../../payments/payment-links';
import { createDemoPaymentProvider } from '../../payments/demo-payment-provider';
import type { PaymentProvider } from '../../payments/payment-provider';
import { terminalOutcomes, type TerminalOutcome } from '../../../workflows/debtor/debtor.messages';
import { recordPayment } from '../../use-cases/record-payment';
import { formatMoney, parseAmount } from '../../policy/money';
import { payForm, receipt, sendGone, sendNotValid, sendPage, withPageHeaders, type LinkGone } from '../payment-pages';

const payFormBody = z.object({
  action: z.literal('pay'),
  amount: z.string().optional(),
  idempotencyKey: z.string().regex(/^[\w-]{16,64}$/, 'required: the key the payment page was rendered with'),
});

type PaymentLinkStore = AppDeps['mongo']['repositories']['paymentLinks'];
type StoredLink = NonNullable<Awaited<ReturnType<PaymentLinkStore['byNonce']>>>;

/** A link that still names a stored link of a known account, or how to answer instead. */
type Opened = { link: StoredLink; debtor: DebtorRecord } | { answer: (reply: FastifyReply) => FastifyReply };

/**
 * The payment page a texted link opens, and the provider's webhook that reports the payment.
 * Paying on the page asks the provider to charge; the money only counts when the provider's
 * signed webhook arrives, exactly as it would with a real provider. A link works until it expires,
 * a newer link is texted, or the account closes (paid, settled, disputed, ceased, closed): an
 * account never reopens once closed, so the workflow's state is the revocation.
 */
export async function paymentRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const { provider: providerId, linkSecret, webhookSecret, linkTtlMs } = deps.config.payments;
  if (!providerId || !linkSecret || !webhookSecret) {
    app.log.warn('PAYMENT_PROVIDER / PAYMENT_LINK_SECRET / PAYMENT_WEBHOOK_SECRET unset: payment pages and webhooks are off');
    return;
  }
  const base = deps.config.http.publicBaseUrl;
  const links = createPaymentLinks({ secret: linkSecret, publicBaseUrl: base, ttlMs: linkTtlMs });
  const provider: PaymentProvider = createDemoPaymentProvider({
    secret: webhookSecret,
    webhookUrl: `${base}/webhooks/payments/demo`,
    onError: (err) => app.log.error({ err }, 'demo payment webhook failed'),
  });

  await paymentPageRoutes(app, deps, links, provider);
  await paymentWebhookRoute(app, deps, provider);
}

const money = (amountMinor: number, debtor: DebtorRecord) => formatMoney(amountMinor, debtor.currency, debtor.language);

/** GET shows the page (or why the link no longer works); POST pays once per idempotency key. */
async function paymentPageRoutes(app: FastifyInstance, deps: AppDeps, links: PaymentLinks, provider: PaymentProvider): Promise<void> {
  await app.register(async (scope) => {
    scope.addHook('onRequest', async (_request, reply) => {
      withPageHeaders(reply);
    });

    scope.get<{ Params: { token: string } }>('/pay/:token', async (request, reply) => {
      const opened = await open(deps, links, request.params.token);
      if ('answer' in opened) return opened.answer(reply);
      const status = await revoked(deps, opened);
      if ('gone' in status) return sendGone(reply, status.gone);
      return sendPage(reply, 200, `Hello ${opened.debtor.firstName}`, payForm(money(status.balanceMinor, opened.debtor), randomUUID()));
    });

    scope.post<{ Params: { token: string } }>('/pay/:token', async (request, reply) => {
      const form = payFormBody.parse(request.body);
      const opened = await open(deps, links, request.params.token);
      if ('answer' in opened) return opened.answer(reply);
      const { link, debtor } = opened;
      // A repeated submit shows the first one's result, even once that payment has closed the account.
      const store = deps.mongo.repositories.paymentLinks;
      let checkout = await store.checkoutByKey(form.idempotencyKey);
      if (!checkout) {
        const status = await revoked(deps, opened);
        if ('gone' in status) return sendGone(reply, status.gone);
        const amountMinor = amountToPay(form.amount, debtor.currency, status.balanceMinor);
        checkout = await store.claimCheckout({ idempotencyKey: form.idempotencyKey, nonce: link.nonce, workflowId: link.workflowId, amountMinor, currency: debtor.currency });
      }
      if (checkout.nonce !== link.nonce) {
        throw new AppError('idempotency_key_reused', 'idempotencyKey: was used on another payment page', 409, [{ path: 'idempotencyKey', message: 'was used on another payment page' }]);
      }
      const { paymentId } = await provider.checkout({ workflowId: checkout.workflowId, amountMinor: checkout.amountMinor, currency: checkout.currency, idempotencyKey: checkout.idempotencyKey });
      request.log.info({ workflowId: checkout.workflowId, paymentId }, 'payment taken on the payment page');
      return sendPage(reply, 200, 'Thank you', receipt(money(checkout.amountMinor, debtor), paymentId));
    });
  });
}

/** The provider's signed report of a payment, recorded once per payment id. */
async function paymentWebhookRoute(app: FastifyInstance, deps: AppDeps, provider: PaymentProvider): Promise<void> {
  // The provider posts JSON whose HMAC covers the exact bytes, so this route keeps the raw body.
  await app.register(async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    scope.post(`/webhooks/payments/${provider.id}`, async (request, reply) => {
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

async function open(deps: AppDeps, links: PaymentLinks, token: string): Promise<Opened> {
  const verified = links.verify(token);
  if (!verified.ok) return { answer: (reply) => (verified.reason === 'expired' ? sendGone(reply, 'expired') : sendNotValid(reply)) };
  const link = await deps.mongo.repositories.paymentLinks.byNonce(verified.nonce);
  const debtor = link?.workflowId === verified.workflowId ? await deps.mongo.repositories.debtors.byWorkflowId(link.workflowId) : null;
  if (!link || !debtor) return { answer: sendNotValid };
  return { link, debtor };
}

/** Why the link no longer takes payments, if it does not: a newer link, or a closed account. */
async function revoked(deps: AppDeps, { link, debtor }: { link: StoredLink; debtor: DebtorRecord }): Promise<{ gone: LinkGone } | { balanceMinor: number }> {
  if (link.supersededAt) return { gone: 'superseded' };
  // The stored status answers for an account closed long ago, whose workflow may be past its
  // retention; the workflow itself for one that may have closed a moment ago.
  const state = isClosedStatus(debtor.status) ? { outcome: debtor.status, balanceMinor: debtor.balanceMinor } : await deps.gateway.debtorState(link.workflowId);
  if (state.outcome === 'paid' || state.outcome === 'settled-by-plan' || state.balanceMinor === 0) return { gone: 'paid' };
  if (state.outcome) return { gone: 'closed' };
  return { balanceMinor: state.balanceMinor };
}

function isClosedStatus(status: string): status is TerminalOutcome {
  return (terminalOutcomes as readonly string[]).includes(status);
}

/** The amount the form asks for (the whole balance when empty), in minor units, or a 400 naming the field. */
function amountToPay(amount: string | undefined, currency: string, balanceMinor: number): number {
  let amountMinor = balanceMinor;
  if (amount && amount.trim() !== '') {
    const parsed = parseAmount(amount, currency);
    if (!parsed.ok) throw new AppError('invalid_amount', `amount: ${parsed.reason}`, 400, [{ path: 'amount', message: parsed.reason }]);
    amountMinor = parsed.minorUnits;
  }
  if (amountMinor <= 0 || amountMinor > balanceMinor) {
    throw new AppError('invalid_amount', `amount: must be more than 0 and at most the balance`, 400, [{ path: 'amount', message: 'must be more than 0 and at most the balance' }]);
  }
  return amountMinor;
}
