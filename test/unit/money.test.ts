import { describe, expect, it } from 'vitest';
import { currencyExponent, formatMoney, isKnownCurrency, minorUnitsToDecimal, parseAmount } from '../../src/policy/money';

describe('parseAmount', () => {
  it.each([
    { text: '12.34', currency: 'USD', minorUnits: 1234 },
    { text: '12', currency: 'USD', minorUnits: 1200 },
    { text: '0.5', currency: 'USD', minorUnits: 50 },
    { text: '0.05', currency: 'USD', minorUnits: 5 },
    { text: ' 7.00 ', currency: 'USD', minorUnits: 700 },
    { text: '0', currency: 'USD', minorUnits: 0 },
    { text: '1000', currency: 'JPY', minorUnits: 1000 },
    { text: '88.8', currency: 'CNY', minorUnits: 8880 },
    { text: '1.234', currency: 'KWD', minorUnits: 1234 },
    { text: '90071992547409.91', currency: 'USD', minorUnits: 9007199254740991 },
  ])("when '$text' $currency is read, then it is $minorUnits minor units", ({ text, currency, minorUnits }) => {
    expect(parseAmount(text, currency)).toEqual({ ok: true, minorUnits });
  });

  it.each([
    { text: '-5', currency: 'USD', reason: 'negative' },
    { text: '-0.01', currency: 'USD', reason: 'negative' },
    { text: '12.345', currency: 'USD', reason: 'has 3 decimal places but USD has 2' },
    { text: '12.5', currency: 'JPY', reason: 'has 1 decimal places but JPY has 0' },
    { text: 'abc', currency: 'USD', reason: 'is not an amount' },
    { text: 'NaN', currency: 'USD', reason: 'is not an amount' },
    { text: '', currency: 'USD', reason: 'is not an amount' },
    { text: '1,234.00', currency: 'USD', reason: 'is not an amount' },
    { text: '$12', currency: 'USD', reason: 'is not an amount' },
    { text: '1e3', currency: 'USD', reason: 'is not an amount' },
    { text: '.5', currency: 'USD', reason: 'is not an amount' },
    { text: '12.', currency: 'USD', reason: 'is not an amount' },
    { text: '90071992547409.93', currency: 'USD', reason: 'too large' },
  ])("when '$text' $currency is read, then it is refused: $reason", ({ text, currency, reason }) => {
    const result = parseAmount(text, currency);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(reason);
  });
});

describe('formatMoney', () => {
  it.each([
    { minorUnits: 123456, currency: 'USD', language: 'en', text: '$1,234.56' },
    { minorUnits: 5, currency: 'USD', language: 'en', text: '$0.05' },
    { minorUnits: -250, currency: 'USD', language: 'en', text: '-$2.50' },
    { minorUnits: 123456, currency: 'USD', language: 'zh-CN', text: 'US$1,234.56' },
    { minorUnits: 123456, currency: 'CNY', language: 'zh-CN', text: '¥1,234.56' },
    { minorUnits: 1000, currency: 'JPY', language: 'en', text: '¥1,000' },
    { minorUnits: 1234, currency: 'KWD', language: 'en', text: 'KWD 1.234' },
    { minorUnits: 9007199254740991, currency: 'USD', language: 'en', text: '$90,071,992,547,409.91' },
  ])('when $minorUnits minor units of $currency are shown in $language, then the reader sees $text', ({ minorUnits, currency, language, text }) => {
    expect(formatMoney(minorUnits, currency, language).replace(/\u00a0/g, ' ')).toBe(text);
  });

  it('when an amount is not a whole number of minor units, then it refuses', () => {
    expect(() => formatMoney(12.5, 'USD', 'en')).toThrow(/not a whole number/);
  });
});

describe('currencies', () => {
  it.each([
    { currency: 'USD', exponent: 2 },
    { currency: 'CNY', exponent: 2 },
    { currency: 'JPY', exponent: 0 },
    { currency: 'KWD', exponent: 3 },
  ])('$currency has $exponent decimal places', ({ currency, exponent }) => {
    expect(currencyExponent(currency)).toBe(exponent);
    expect(isKnownCurrency(currency)).toBe(true);
  });

  it.each(['usd', 'XYZ', 'DOLLARS'])("'%s' is not a known currency", (code) => {
    expect(isKnownCurrency(code)).toBe(false);
  });

  it.each([
    { minorUnits: 1234, currency: 'USD', decimal: '12.34' },
    { minorUnits: 7, currency: 'USD', decimal: '0.07' },
    { minorUnits: -7, currency: 'USD', decimal: '-0.07' },
    { minorUnits: 500, currency: 'JPY', decimal: '500' },
    { minorUnits: 5, currency: 'KWD', decimal: '0.005' },
  ])('$minorUnits minor units of $currency are exactly $decimal', ({ minorUnits, currency, decimal }) => {
    expect(minorUnitsToDecimal(minorUnits, currency)).toBe(decimal);
  });
});
