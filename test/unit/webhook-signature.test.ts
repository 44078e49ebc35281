import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from '../../src/payments/webhook-signature';

const secret = 's'.repeat(32);
const body = Buffer.from('{"paymentId":"p1"}');
const now = Date.UTC(2026, 11, 1, 12, 0, 0);
const tolerance = 5 * 60_000;
const verify = (header: unknown, at = now, raw = body) => () => verifyWebhookSignature(secret, raw, header, tolerance, at);

describe('timestamped webhook signatures', () => {
  it('when the body is signed now, then it verifies up to 5 minutes either side and not after', () => {
    const header = signWebhook(secret, body, now);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verify(header)).not.toThrow();
    expect(verify(header, now + tolerance)).not.toThrow();
    expect(verify(header, now - tolerance)).not.toThrow();
    expect(verify(header, now + tolerance + 1000)).toThrow(/more than 300 s from now/);
    expect(verify(header, now - tolerance - 1000)).toThrow(/more than 300 s from now/);
  });

  it.each([
    ['no header', undefined, /missing/],
    ['the old body-only format', 'sha256=abc', /not t=<unix seconds>,v1=<hex>/],
    ['no v1', `t=${now / 1000}`, /not t=<unix seconds>,v1=<hex>/],
    ['a timestamp that is not a number', 't=soon,v1=abc', /not t=<unix seconds>,v1=<hex>/],
    ['another secret', signWebhook('o'.repeat(32), body, now), /does not match/],
    ['a moved timestamp', signWebhook(secret, body, now).replace(/^t=(\d+)/, (_m, t) => `t=${Number(t) + 1}`), /does not match/],
    ['another body', signWebhook(secret, '{"paymentId":"p2"}', now), /does not match/],
  ])('when the header has %s, then it is refused', (_case, header, reason) => {
    expect(verify(header)).toThrow(reason);
  });
});
