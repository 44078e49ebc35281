import { describe, expect, it } from 'vitest';
import { normalizePhoneNumber } from '../../src/policy/phone-number';

describe('normalizePhoneNumber', () => {
  it.each([
    { raw: '+1 212 555 0100', country: undefined, e164: '+12125550100' },
    { raw: '(201) 555-0123', country: 'US' as const, e164: '+12015550123' },
    { raw: '201.555.0123', country: 'US' as const, e164: '+12015550123' },
    { raw: ' +1-415-555-2671 ', country: 'CN' as const, e164: '+14155552671' },
    { raw: '13800138000', country: 'CN' as const, e164: '+8613800138000' },
    { raw: '+86 138 0013 8000', country: undefined, e164: '+8613800138000' },
    { raw: '010 6552 9988', country: 'CN' as const, e164: '+861065529988' },
  ])("when '$raw' is read with default country $country, then it is $e164", ({ raw, country, e164 }) => {
    expect(normalizePhoneNumber(raw, country)).toEqual({ ok: true, e164 });
  });

  it.each([
    { raw: '12345', country: 'US' as const, reason: 'is too short' },
    { raw: '+1 415 555 26711', country: undefined, reason: 'is too long' },
    { raw: '1-800-FLOWERS', country: 'US' as const, reason: 'contains letters' },
    { raw: '+1 212 555 0100 x12', country: undefined, reason: 'contains letters' },
    { raw: '电话13800138000', country: 'CN' as const, reason: 'contains letters' },
    { raw: '2015550123', country: undefined, reason: 'has no country code' },
    { raw: '+1 123 456 7890', country: undefined, reason: 'is not a valid number' },
    { raw: '', country: 'US' as const, reason: 'is not a phone number' },
  ])("when '$raw' is read, then it is refused: $reason", ({ raw, country, reason }) => {
    const result = normalizePhoneNumber(raw, country);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(reason);
  });
});
