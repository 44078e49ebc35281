import { isCardNumber, isChineseResidentId, passesIbanCheck } from './identifier-checksums';

// Where identifiers sit in a text whose spoken digits are written as digits (digit-view.ts). Each
// finder returns spans; a span found is masked (same length, so offsets hold) before the next
// finder reads the text, so numbers with a checksum are claimed first and a card's own mask tells
// the security code and expiry that follow it.

export type IdentifierKind = 'card' | 'cvv' | 'expiry' | 'ssn' | 'nationalId' | 'bankAccount';

export interface IdentifierSpan {
  start: number;
  end: number;
  kind: IdentifierKind;
}

type Finder = (text: string) => IdentifierSpan[];

/** Private-use characters: they never occur in speech or texts, and each says what it hides. */
const masks: Record<IdentifierKind, string> = { card: '\ue000', cvv: '\ue001', expiry: '\ue002', ssn: '\ue003', nationalId: '\ue004', bankAccount: '\ue005' };

/** Between digit groups: spaces, or one dot, dash or slash with spaces around it ("4111.1111", "4111 / 1111"). */
const separator = String.raw`(?:\s*[./-]\s*|\s+)`;
const maybeSeparator = String.raw`\s*[./-]?\s*`;
/** `count` digits grouped any way at all ("123 45 6789", "1 2 3 4 5 6 7 8 9"), not part of a longer number. */
const digitsGrouped = (count: string) => String.raw`(?<!\d${maybeSeparator})\d(?:${maybeSeparator}\d)${count}(?!${maybeSeparator}\d)`;
/** What may stand between a label and its number: a few words, no digits, no currency (an amount is not an identifier). */
const labelGap = '([^\\d\\n$¥€£\\ue000-\\ue005]{0,24}?)';

const ssnLabel = String.raw`(?:\b(?:ssn|social(?:\s+security)?(?:\s+(?:number|no))?)\b|\bs\.\s?s\.\s?n\.?|\bss#|社会安全号码?|社安号)`;
const cvvLabel = String.raw`(?:\b(?:cvv2?|cvc2?|cid|csc|security\s+code|verification\s+code|card\s+code)\b|安全码|验证码|校验码)`;
const expiryLabel = String.raw`(?:\b(?:exp|expires?|expiry|expiration(?:\s+date)?|valid\s+(?:thru|through|until)|good\s+thru)\b|有效期至?|到期)`;
const accountLabel = String.raw`(?:\b(?:account|acct|a\/c|routing)\b|账号|帐号|账户|帐户|卡号|银行卡)`;

/** A card's security code or expiry said right after its number, with at most a few filler words between. */
const afterCard = new RegExp(
  String.raw`\ue000+((?:[\s,.;:#'-]|\b(?:and|the|code|is|it|s|its|exp|expires|expiry|expiration|date|security|cvv|cvc|on|back)\b)*?)` +
    String.raw`(?:(\d{1,2}\s*/\s*\d{2}(?:\d{2})?)|(\d(?:\s?\d){2,3}))(?![\s/-]?\d)`,
  'giu',
);

const ibans: Finder = (text) =>
  [...text.matchAll(/\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b/g)]
    .filter((match) => passesIbanCheck(match[0].replace(/ /g, '')))
    .map((match) => ({ start: match.index, end: match.index + match[0].length, kind: 'bankAccount' }));

/**
 * Runs of digit groups ("4111 1111 1111 1111", "4111.1111/1111-1111", "1 1 0 1 0 5 …", "110105
 * 19491231 002X"). A run may hold a card or an ID number next to other numbers, so every stretch
 * of whole groups is checked, and every group in a valid stretch is redacted: a stray digit said
 * before a card number does not leave part of the card readable.
 */
const checkedRuns: Finder = (text) =>
  [...text.matchAll(new RegExp(String.raw`(?<!\d)\d+(?:${separator}\d+)*(?:${maybeSeparator}X(?![A-Za-z]))?(?!\d)`, 'gi'))].flatMap((run) =>
    spansInRun(run[0], run.index),
  );

function spansInRun(run: string, offset: number): IdentifierSpan[] {
  const groups = [...run.matchAll(/\d+|X/gi)].map((group) => ({ start: offset + group.index, end: offset + group.index + group[0].length, digits: group[0] }));
  const kinds: Array<IdentifierKind | undefined> = groups.map(() => undefined);
  for (let first = 0; first < groups.length; first++) {
    let digits = '';
    for (let last = first; last < groups.length && digits.length < 19; last++) {
      digits += groups[last]!.digits;
      const kind = isChineseResidentId(digits) ? 'nationalId' : isCardNumber(digits) ? 'card' : undefined;
      for (let index = first; kind && index <= last; index++) if (kinds[index] !== 'nationalId') kinds[index] = kind;
    }
  }
  if (kinds.every((kind) => kind === undefined) && /^\d{3}([ ./-])\d{2}\1\d{4}$/.test(run)) return [{ start: offset, end: offset + run.length, kind: 'ssn' }];
  const spans: IdentifierSpan[] = [];
  groups.forEach((group, index) => {
    const kind = kinds[index];
    const last = spans.at(-1);
    if (!kind) return;
    if (last && last.kind === kind && kinds[index - 1] === kind) last.end = group.end;
    else spans.push({ start: group.start, end: group.end, kind });
  });
  return spans;
}

/** The number of a labelled match: its last capture group, after the label and the gap. */
function labelled(pattern: string, kind: IdentifierKind): Finder {
  return (text) =>
    [...text.matchAll(new RegExp(pattern, 'giu'))].map((match) => {
      const number = match.at(-1)!;
      const end = match.index + match[0].length;
      return { start: end - number.length, end, kind };
    });
}

/** Nine digits after words that name a social security number, or before them ("… is my social"). */
const labelledSsns: Finder = (text) => [
  ...labelled(`${ssnLabel}${labelGap}(${digitsGrouped('{8}')})`, 'ssn')(text),
  ...[...text.matchAll(new RegExp(`(${digitsGrouped('{8}')})(?=[^\\d\\n]{0,20}?${ssnLabel})`, 'giu'))].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    kind: 'ssn' as const,
  })),
];

const cardDetails: Finder = (text) =>
  [...text.matchAll(afterCard)].map((match) => {
    const [whole, , expiry, cvv] = match;
    const number = (expiry ?? cvv)!;
    const end = match.index + whole.length;
    return { start: end - number.length, end, kind: expiry ? 'expiry' : 'cvv' };
  });

/**
 * Six to twenty digits shortly after words that name a bank account. A gap holding a currency
 * sign, or digits followed by decimals, is an amount, not an account.
 */
const labelledAccounts = labelled(`${accountLabel}${labelGap}(\\d(?:[ -]?\\d){5,19}(?!\\d)(?![.,]\\d))`, 'bankAccount');

// Order matters: numbers with a checksum first, so that a resident ID is not taken for a card
// (18 digits can pass Luhn by chance) and a card is not taken for a bank account.
const finders: Finder[] = [
  ibans,
  checkedRuns,
  cardDetails,
  labelled(`${cvvLabel}${labelGap}(${digitsGrouped('{2,3}')})`, 'cvv'),
  labelled(`${expiryLabel}${labelGap}(${digitsGrouped('{2,5}')})`, 'expiry'),
  labelledSsns,
  labelledAccounts,
];

/** Every identifier in `text` (digits as digits), in no particular order and not overlapping. */
export function identifierSpans(text: string): IdentifierSpan[] {
  // A card redacted earlier (in a previous turn) still tells the security code that follows it.
  let masked = text.replaceAll('[CARD]', masks.card.repeat('[CARD]'.length));
  const found: IdentifierSpan[] = [];
  for (const find of finders) {
    const spans = find(masked);
    for (const span of spans) masked = masked.slice(0, span.start) + masks[span.kind].repeat(span.end - span.start) + masked.slice(span.end);
    found.push(...spans);
  }
  return found;
}
