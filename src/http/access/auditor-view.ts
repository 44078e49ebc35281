// What an auditor sees of an answer: everything, but phone numbers and birth years masked. A birth
// year answers the call's identity check, and a phone number reaches the person; an auditor
// proves what happened without needing either.

const e164 = /^\+\d{7,15}$/;
const maskedKeys = new Set(['birthYear', 'zip', 'postalCode']);

export function maskedForAuditor(value: unknown): unknown {
  if (typeof value === 'string') return e164.test(value) ? maskPhone(value) : value;
  if (Array.isArray(value)) return value.map(maskedForAuditor);
  // Only plain objects are walked: a Date or an ObjectId serializes itself.
  if (value === null || typeof value !== 'object' || ![Object.prototype, null].includes(Object.getPrototypeOf(value))) return value;
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, maskedKeys.has(key) && field != null ? '••••' : maskedForAuditor(field)]));
}

/** `+12025550142` → `+•••••••••42`: the last two digits tell numbers apart in a timeline. */
function maskPhone(phone: string): string {
  return `+${'•'.repeat(phone.length - 3)}${phone.slice(-2)}`;
}
