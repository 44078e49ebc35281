/** A payment as a provider reports it to our webhook. */
export interface PaymentEvent {
  paymentId: string;
  workflowId: string;
  amountMinor: number;
  currency: string;
  /** Epoch ms. */
  at: number;
}

/** How far a webhook's signed timestamp may be from our clock: a captured webhook replays only within it. */
export const webhookToleranceMs = 5 * 60_000;

/**
 * What Parley needs from a payment provider. One adapter per provider (PAYMENT_PROVIDER) is the
 * only file that knows its API; the payment page and the webhook route work the same whichever
 * provider is behind them. A real adapter (Stripe, Adyen, ...) implements:
 *
 * - Hosted checkout: `checkout` starts one debtor's payment at the provider, whose own page takes
 *   the card, so card data never reaches Parley (a provider whose page the payer must visit also
 *   needs the payment page to redirect there, and that origin in its CSP's form-action). The
 *   payment counts only when the provider's webhook reports it.
 * - Idempotency: the same `idempotencyKey` must answer the same payment (the provider's idempotency
 *   key header, or a lookup by our reference), so a double submit is one charge.
 * - A signed webhook: `verifyWebhook` accepts a call only with the provider's signature over a
 *   timestamp and the exact body, and refuses timestamps outside `webhookToleranceMs`; a payment id
 *   reported twice is recorded once (recordPayment).
 * - Refunds: `refund` returns money taken for a payment, idempotent under its key like `checkout`.
 */
export interface PaymentProvider {
  readonly id: string;
  checkout(request: CheckoutRequest): Promise<{ paymentId: string }>;
  /** The event in a webhook body, or an Error saying why it is not acceptable. */
  verifyWebhook(rawBody: Buffer, headers: Record<string, string | string[] | undefined>): PaymentEvent;
  refund(request: { paymentId: string; amountMinor: number; idempotencyKey: string }): Promise<{ refundId: string }>;
}

export interface CheckoutRequest {
  workflowId: string;
  amountMinor: number;
  currency: string;
  /** Fixed by the payment page when it is rendered: the same key is the same payment. */
  idempotencyKey: string;
}
