// Money is always an integer count of the currency's minor unit (cents, fen, yen): a float cannot hold
// 0.10 exactly, and an amount owed must never drift by a rounding error.

export type AmountParse = { ok: true; minorUnits: number } | { ok: false; reason: string };

const knownCurrencies = new Set(Intl.supportedValuesOf('currency'));

/** True for an ISO 4217 code this runtime's Intl knows (upper case, as the standard writes them). */
export function isKnownCurrency(code: string): boolean {
  return knownCurrencies.has(code);
}

/**
 * Decimal places of the currency's minor unit (USD 2, JPY 0, KWD 3), from Intl's CLDR data. CLDR
 * differs from ISO 4217 for a few rarely used currencies (IQD is 0 in CLDR, 3 in ISO); amounts
 * in those currencies follow CLDR here, consistently for parsing and display.
 */
export function currencyExponent(currency: string): number {
  let exponent = exponents.get(currency);
  if (exponent === undefined) {
    // Always resolved for style 'currency'; TypeScript's lib marks it optional for the other styles.
    exponent = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits!;
    exponents.set(currency, exponent);
  }
  return exponent;
}

/** Building a formatter is slow next to the lookup: an import of 100,000 rows asks 100,000 times. */
const exponents = new Map<string, number>();

const plainDecimal = /^(\d+)(?:\.(\d+))?$/;

/** Reads an amount written as a plain decimal ('12.34', '12', '0.5') into minor units of the currency. */
export function parseAmount(text: string, currency: string): AmountParse {
  const trimmed = text.trim();
  if (trimmed.startsWith('-')) return { ok: false, reason: `'${trimmed}' is negative: an amount cannot be below zero` };
  const match = plainDecimal.exec(trimmed);
  if (!match) {
    return { ok: false, reason: `'${trimmed}' is not an amount: write digits with an optional decimal point, like 12.34 (no currency sign or thousands separators)` };
  }
  const [, whole, fraction = ''] = match;
  const exponent = currencyExponent(currency);
  if (fraction.length > exponent) {
    return { ok: false, reason: `'${trimmed}' has ${fraction.length} decimal places but ${currency} has ${exponent}` };
  }
  const minorUnits = Number(whole + fraction.padEnd(exponent, '0'));
  if (!Number.isSafeInteger(minorUnits)) return { ok: false, reason: `'${trimmed}' is too large` };
  return { ok: true, minorUnits };
}

/** The exact decimal text of an amount in minor units ('1234' cents of USD -> '12.34'). */
export function minorUnitsToDecimal(minorUnits: number, currency: string): string {
  if (!Number.isSafeInteger(minorUnits)) throw new RangeError(`amount ${minorUnits} is not a whole number of minor units`);
  const exponent = currencyExponent(currency);
  const digits = Math.abs(minorUnits).toString().padStart(exponent + 1, '0');
  const sign = minorUnits < 0 ? '-' : '';
  if (exponent === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/** Display text for an amount in the reader's language: ('en', USD, 123456) -> '$1,234.56'; ('zh-CN', CNY, 123456) -> '¥1,234.56'. */
export function formatMoney(minorUnits: number, currency: string, language: string): string {
  const formatter = new Intl.NumberFormat(language, { style: 'currency', currency });
  // Intl.NumberFormat formats a decimal string exactly (ECMA-402 NumberFormat v3, Node 20), so the
  // amount never passes through a float; TypeScript's ES2022 lib only declares number | bigint.
  const formatDecimal = formatter.format as unknown as (decimal: string) => string;
  return formatDecimal(minorUnitsToDecimal(minorUnits, currency));
}
