import { createHmac, timingSafeEqual } from 'node:crypto';

// A webhook signature that covers a timestamp as well as the body (`t=<unix seconds>,v1=<hex
// HMAC-SHA256 of "<t>.<body>">`, the scheme Stripe uses), so a captured call cannot be replayed
// once the tolerance has passed.

export function signWebhook(secret: string, rawBody: string | Buffer, now = Date.now()): string {
  const t = Math.floor(now / 1000);
  return `t=${t},v1=${hmac(secret, t, rawBody)}`;
}

/** Throws an Error saying why the header does not sign this body at about this time. */
export function verifyWebhookSignature(secret: string, rawBody: Buffer, header: unknown, toleranceMs: number, now = Date.now()): void {
  if (typeof header !== 'string') throw new Error('missing signature header');
  const fields = new Map(header.split(',').map((part) => part.trim().split('=') as [string, string | undefined]));
  const t = Number(fields.get('t'));
  const given = Buffer.from(fields.get('v1') ?? '');
  if (!/^\d+$/.test(fields.get('t') ?? '') || given.length === 0) throw new Error('the signature header is not t=<unix seconds>,v1=<hex>');
  if (Math.abs(now - t * 1000) > toleranceMs) throw new Error(`the signature's timestamp is more than ${toleranceMs / 1000} s from now`);
  const expected = Buffer.from(hmac(secret, t, rawBody));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new Error('signature does not match the body');
}

function hmac(secret: string, t: number, rawBody: string | Buffer): string {
  return createHmac('sha256', secret).update(`${t}.`).update(rawBody).digest('hex');
}
