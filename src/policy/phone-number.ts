import { parsePhoneNumberFromString, validatePhoneNumberLength, type CountryCode } from 'libphonenumber-js/max';

// Phone numbers in E.164 (+<country code><number>), the form Twilio dials and texts. This module
// loads libphonenumber-js's full metadata (about 150 kB), so workflows, which only pass numbers on,
// do not import it: numbers are normalised when debtors are imported.

export type PhoneNumberResult = { ok: true; e164: string } | { ok: false; reason: string };

const lengthProblems: Record<string, string> = {
  TOO_SHORT: 'is too short',
  TOO_LONG: 'is too long',
  INVALID_LENGTH: 'has the wrong number of digits for its country',
  INVALID_COUNTRY: 'has no country code: write it with + and the country code, like +1 212 555 0100',
  NOT_A_NUMBER: 'is not a phone number',
};

/** `raw` as E.164, reading numbers without a + as numbers of `defaultCountry` ('US', 'CN'). */
export function normalizePhoneNumber(raw: string, defaultCountry?: CountryCode): PhoneNumberResult {
  const text = raw.trim();
  // libphonenumber would read letters as keypad digits (1-800-FLOWERS) or as an extension (x123),
  // neither of which can be dialled as E.164: a debtor's number with letters is a data error.
  if (/\p{L}/u.test(text)) return { ok: false, reason: `'${text}' contains letters` };
  const lengthProblem = validatePhoneNumberLength(text, defaultCountry);
  if (lengthProblem) return { ok: false, reason: `'${text}' ${lengthProblems[lengthProblem]}` };
  const parsed = parsePhoneNumberFromString(text, defaultCountry);
  if (!parsed) return { ok: false, reason: `'${text}' ${lengthProblems.NOT_A_NUMBER}` };
  if (!parsed.isValid()) {
    return { ok: false, reason: `'${text}' is not a valid number in ${parsed.country ?? `country code +${parsed.countryCallingCode}`}` };
  }
  return { ok: true, e164: parsed.number };
}
