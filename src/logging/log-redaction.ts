import { redactSensitive } from '../policy/redaction';

// What people said or texted, and their numbers, kept out of log lines. pino's `redact` paths
// cannot do it: a path names one place at a fixed depth (`*.body` is one level down), it censors a
// whole value where a phone number should keep its last digits, and it never sees inside a string
// (an error message naming the number it failed to text). So two hooks: the logged object loses
// the values of the keys that carry words (before pino serializes it), and every string in the
// finished JSON line has its phone numbers masked and its identifiers redacted (after, so errors
// and requests, which pino's serializers render, are covered too).

/** Keys whose values are a person's words: an SMS body, a recogniser's result, a turn's text. */
const wordKeys = new Set(['body', 'speechresult', 'unstablespeechresult', 'heard', 'said', 'utterance', 'transcript', 'transcriptiontext']);

const omitted = '[omitted]';

/** The logged object with the values of word-carrying keys omitted, at any depth. */
export function withoutWords(value: Record<string, unknown>): Record<string, unknown> {
  return omitWords(value, new WeakSet()) as Record<string, unknown>;
}

function omitWords(value: unknown, seen: WeakSet<object>): unknown {
  // Errors, requests and other class instances are left to pino's serializers and the line hook.
  if (value === null || typeof value !== 'object' || seen.has(value)) return value;
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => omitWords(item, seen));
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, wordKeys.has(key.toLowerCase()) && item ? omitted : omitWords(item, seen)]));
}

/** E.164 numbers, also URL-encoded ("%2B1555…") as they appear in webhook URLs. */
const phoneNumber = /(\+|%2B)(\d{6,13})(\d{2})(?!\d)/gi;

/** A JSON string literal: its content holds no unescaped quote. */
const jsonString = /"((?:[^"\\]|\\.)*)"/g;

/** The finished line with phone numbers masked to their last 2 digits and identifiers redacted, in every string. */
export function redactLogLine(line: string): string {
  return line.replace(jsonString, (literal, content: string) => {
    if (!/[\d零〇幺一二两三四五六七八九]|zero|oh|one|two|three|four|five|six|seven|eight|nine/i.test(content)) return literal;
    const masked = content.replace(phoneNumber, (_match, plus: string, hidden: string, last: string) => `${plus}${'*'.repeat(hidden.length)}${last}`);
    return `"${redactSensitive(masked)}"`;
  });
}
