import { digitView, type DigitView } from './digit-view';
import { identifierSpans, type IdentifierKind, type IdentifierSpan } from './identifier-spans';

// Redaction of identifiers people read out or type to a collector, before text reaches an LLM
// prompt, storage, a workflow's history, a log line or an agent's screen: payment card numbers
// with their security code and expiry (PCI DSS forbids storing them in the clear), US social
// security numbers, Chinese resident identity numbers, IBANs and bank account numbers, written in
// digits or said as words ("four one one one", "四一一一"). Checksums keep ordinary numbers
// (amounts, dates, reference numbers) readable; where a number has no checksum (SSNs, bank
// accounts, security codes) it is redacted when its form or the words near it say what it is.
// Nine digits with no such words stay: they are as often an account or reference number, which an
// agent needs to read. When in doubt otherwise the text is redacted: a lost digit string costs
// less than a leaked one.

const placeholders: Record<IdentifierKind, string> = {
  card: '[CARD]',
  cvv: '[CVV]',
  expiry: '[EXPIRY]',
  ssn: '[SSN]',
  nationalId: '[NATIONAL-ID]',
  bankAccount: '[BANK-ACCOUNT]',
};

/** `text` with card numbers (and their CVV and expiry), SSNs, Chinese resident IDs, IBANs and bank account numbers replaced by placeholders. */
export function redactSensitive(text: string): string {
  const view = digitView(text);
  return replaceSpans(text, originalSpans(view, identifierSpans(view.text)));
}

/** `value` with every string in it redacted, at any depth: for records whose fields are not known here (audit data, an agent's resolution). */
export function redactStrings<T>(value: T): T {
  if (typeof value === 'string') return redactSensitive(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => redactStrings(item)) as T;
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactStrings(item)])) as T;
}

/**
 * A number read out over two turns ("4111 1111" … "1111 1111"): the previous turn's words and the
 * current one's are read as one text, so a card whose digits only pass their check together is
 * found, and each turn loses its part of it. `previous` is the turn as already stored (redacted).
 */
export function redactAcrossTurns(previous: string, current: string): { previous: string; current: string } {
  const before = digitView(previous);
  const after = digitView(current);
  // The join reads as a separator: a pause or a full stop between two halves of a number is not an end.
  const tail = previous.length - previous.replace(/[\s.,;:!?。，；！？]+$/u, '').length;
  const head = current.length - current.replace(/^[\s.,;:!?。，；！？-]+/u, '').length;
  const offset = previous.length + 1;
  const joined: DigitView = {
    text: `${before.text.slice(0, before.text.length - tail)}${' '.repeat(tail + 1 + head)}${after.text.slice(head)}`,
    from: [...before.from, previous.length, ...after.from.map((at) => at + offset)],
    to: [...before.to, offset, ...after.to.map((at) => at + offset)],
  };
  const spans = originalSpans(joined, identifierSpans(joined.text));
  const inPrevious = spans.flatMap((span) => (span.start < previous.length - tail ? [{ ...span, end: Math.min(span.end, previous.length - tail) }] : []));
  const inCurrent = spans.flatMap((span) => (span.end > offset + head ? [{ ...span, start: Math.max(head, span.start - offset), end: span.end - offset }] : []));
  return { previous: replaceSpans(previous, inPrevious), current: replaceSpans(current, inCurrent) };
}

/** Where the view's spans lie in the text the view was made from. */
function originalSpans(view: DigitView, spans: IdentifierSpan[]): IdentifierSpan[] {
  return spans.map((span) => ({ kind: span.kind, start: view.from[span.start]!, end: view.to[span.end - 1]! }));
}

/** Each span (overlapping ones merged, the first found naming them) replaced by its placeholder. */
function replaceSpans(text: string, spans: IdentifierSpan[]): string {
  const merged: IdentifierSpan[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged.reduceRight((redacted, span) => redacted.slice(0, span.start) + placeholders[span.kind] + redacted.slice(span.end), text);
}
