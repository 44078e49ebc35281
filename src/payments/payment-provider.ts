/** A payment as a provider reports it to our webhook. */
export interface PaymentEvent {
  paymentId: string;
  workflowId: string;
  amountMinor: number;
  currency: string;
  /** Epoch ms. */
  at: number;
}

/**
 * What Parley needs from a payment provider: take a payment for a debtor's workflow (the provider
 * then calls our webhook), and check that a webhook call is really the provider's. A real
 * provider (Stripe-style checkout sessions and signed events) implements the same two methods.
 */
export interface PaymentProvider {
  readonly id: string;
  charge(request: { workflowId: string; amountMinor: number; currency: string }): Promise<{ paymentId: string }>;
  /** The event in a webhook body, or an Error saying why it is not acceptable. */
  verifyWebhook(rawBody: Buffer, headers: Record<string, string | string[] | undefined>): PaymentEvent;
}
