/**
 * Twilio accepts E.164 only: "+", a country code that does not start with 0, at most 15 digits.
 * The lower bound keeps "+1555" invalid, as Twilio reports it (error 21211).
 */
const E164 = /^\+[1-9]\d{6,14}$/;

export function isE164(phone: string): boolean {
  return E164.test(phone);
}

/** A pattern is either an exact number or a prefix ending in "*" (a country or area code). */
export function matchesNumberPattern(pattern: string, phone: string): boolean {
  return pattern.endsWith('*') ? phone.startsWith(pattern.slice(0, -1)) : pattern === phone;
}
