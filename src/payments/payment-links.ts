import { createHmac, timingSafeEqual } from 'node:crypto';

// A payment link is a bearer credential for one debtor's payment page: signed, expiring, and
// minted at send time by the SMS activity (never stored in workflow history).

export interface PaymentLinks {
  linkFor(workflowId: string, now?: number): string;
  /** The workflow id the token was minted for, or why it is not acceptable. */
  verify(token: string, now?: number): { ok: true; workflowId: string } | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' };
}

export function createPaymentLinks(options: { secret: string; publicBaseUrl: string; ttlMs: number }): PaymentLinks {
  const sign = (payload: string) => createHmac('sha256', options.secret).update(payload).digest('base64url');
  return {
    linkFor(workflowId, now = Date.now()) {
      const payload = Buffer.from(JSON.stringify({ w: workflowId, e: now + options.ttlMs })).toString('base64url');
      return `${options.publicBaseUrl}/pay/${payload}.${sign(payload)}`;
    },
    verify(token, now = Date.now()) {
      const [payload, signature, extra] = token.split('.');
      if (!payload || !signature || extra !== undefined) return { ok: false, reason: 'malformed' };
      const expected = Buffer.from(sign(payload));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad-signature' };
      let claims: { w?: unknown; e?: unknown };
      try {
        claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      } catch {
        return { ok: false, reason: 'malformed' };
      }
      if (typeof claims.w !== 'string' || typeof claims.e !== 'number') return { ok: false, reason: 'malformed' };
      if (claims.e < now) return { ok: false, reason: 'expired' };
      return { ok: true, workflowId: claims.w };
    },
  };
}
