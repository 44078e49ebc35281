import { createHmac, timingSafeEqual } from 'node:crypto';

// A payment link is a bearer credential for one debtor's payment page: signed, expiring, and
// minted at send time by the SMS activity (never stored in workflow history). Its nonce is stored
// server-side (payment-link repository), so a link can also be revoked before it expires.

export interface PaymentLinkClaims {
  workflowId: string;
  nonce: string;
}

export interface PaymentLinks {
  linkFor(claims: PaymentLinkClaims, issuedAt: number): string;
  /** The claims the token was minted with, or why it is not acceptable. */
  verify(token: string, now?: number): ({ ok: true } & PaymentLinkClaims) | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' };
}

export function createPaymentLinks(options: { secret: string; publicBaseUrl: string; ttlMs: number }): PaymentLinks {
  const sign = (payload: string) => createHmac('sha256', options.secret).update(payload).digest('base64url');
  return {
    linkFor({ workflowId, nonce }, issuedAt) {
      const payload = Buffer.from(JSON.stringify({ w: workflowId, n: nonce, e: issuedAt + options.ttlMs })).toString('base64url');
      return `${options.publicBaseUrl}/pay/${payload}.${sign(payload)}`;
    },
    verify(token, now = Date.now()) {
      const [payload, signature, extra] = token.split('.');
      if (!payload || !signature || extra !== undefined) return { ok: false, reason: 'malformed' };
      const expected = Buffer.from(sign(payload));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad-signature' };
      let claims: { w?: unknown; n?: unknown; e?: unknown };
      try {
        claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      } catch {
        return { ok: false, reason: 'malformed' };
      }
      if (typeof claims.w !== 'string' || typeof claims.n !== 'string' || typeof claims.e !== 'number') return { ok: false, reason: 'malformed' };
      if (claims.e < now) return { ok: false, reason: 'expired' };
      return { ok: true, workflowId: claims.w, nonce: claims.n };
    },
  };
}
