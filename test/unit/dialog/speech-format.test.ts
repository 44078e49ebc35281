import { describe, expect, it } from 'vitest';
import type { Language } from '../../../src/dialog/language';
import { formatDate, formatMoney } from '../../../src/dialog/speech-format';

describe('speech formatting', () => {
  it.each<[number, string, Language, string]>([
    [12_000, 'USD', 'en', '$120'],
    [123_456, 'USD', 'en', '$1,234.56'],
    [12_000, 'USD', 'zh-CN', '120美元'],
    [123_456, 'CNY', 'zh-CN', '1234.56元'],
    [500, 'JPY', 'en', '¥500'],
  ])('says %i minor units of %s in %s as %s', (amountMinor, currency, language, spoken) => {
    expect(formatMoney(amountMinor, currency, language)).toBe(spoken);
  });

  it.each<[Language, string]>([
    ['en', 'Friday, December 5'],
    ['zh-CN', '12月5日星期五'],
  ])('says a date in %s as %s', (language, spoken) => {
    expect(formatDate('2025-12-05', language)).toBe(spoken);
  });
});
