import { findDate } from './spoken-dates';
import { CHINESE_NUMBER_PATTERN, ENGLISH_NUMBER_PATTERN, findNumbers, parseSmallNumber, type NumberMention } from './spoken-numbers';
import { normalizeText } from './text-normalize';
import type { Entities } from './turn-schema';

/** What entity extraction needs to know about the call: dates are relative to `now` where the debtor lives. */
export interface EntityContext {
  now: number;
  timeZone: string;
  /** ISO 4217 code of the account; spoken amounts are in its units whatever the word used. */
  currency: string;
}

interface Span {
  start: number;
  end: number;
}

const COUNT = `(\\d+|${ENGLISH_NUMBER_PATTERN}|${CHINESE_NUMBER_PATTERN})`;

/** Recognisers write "two" and "four" as "to" and "for" before "payments": read as counts only there. */
const HOMOPHONE_COUNTS: Readonly<Record<string, string>> = { to: 'two', too: 'two', for: 'four' };

/** Parts a debt is paid in, as said: "3 payments", "3 goes", "3 chunks". */
const PARTS = '(?:payments?|instal{1,2}ments?|parts|months|goes|chunks|lots|stages|portions)';

const INSTALMENT_PATTERNS: readonly RegExp[] = [
  new RegExp(`\\b${COUNT}\\s+(?:monthly\\s+|equal\\s+)?${PARTS}\\b`),
  /\b(?:in|into)\s+(to|too|for)\s+(?:monthly\s+|equal\s+)?(?:payments|instal{1,2}ments|parts)\b/,
  new RegExp(`\\bsplit\\s+(?:it\\s+|that\\s+|the\\s+\\w+\\s+)?(?:into|in)\\s+${COUNT}\\b`),
  // 拆 (break up) as 分 (divide); 笔 counts payments ("拆成三笔").
  new RegExp(`(?:分|拆)(?:成|开)?\\s*${COUNT}\\s*(?:期|次|个月|份|笔)?`),
  new RegExp(`${COUNT}\\s*(?:期|个月|笔)`),
  // Second-language English counts parts as times: "pay in three time" ("five times a day" is no plan).
  new RegExp(`\\b(?:in|into)\\s+${COUNT}\\s+times?\\b`),
];

/** Times of day are not amounts: "Friday at 5", "call me after five" must not become five dollars. */
const TIME_OF_DAY = /\b\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|o'?clock)\b|\bat\s+\d{1,2}(?::\d{2})?\b|\b(?:after|around|before|till|until)\s+(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?::\d{2})?\b(?!\s*(?:dollars?|bucks?|cents?))|(?:上午|下午|晚上|早上|中午)?\s*(?:\d{1,2}|[一二两三四五六七八九十]+)\s*点(?:\s*半|\s*\d+\s*分)?/g;

/**
 * Other numbers that are not amounts: how often ("five times a day", "打了三次"), a bankruptcy
 * chapter, an ordinal, a run of five or more bare digits, which is a hotline, a ZIP or a reference far more
 * often than a sum said without a currency, a year, an age and a length of time.
 */
const NOT_AMOUNTS: readonly RegExp[] = [
  new RegExp(`\\b(?:\\d+|${ENGLISH_NUMBER_PATTERN})\\s+times\\b|\\bchapter\\s+\\w+|(?:\\d+|${CHINESE_NUMBER_PATTERN})\\s*次`, 'g'),
  // An ordinal is a day ("Monday the 8th"), never a sum.
  /\b\d{1,2}(?:st|nd|rd|th)\b/g,
  /(?<![$¥€£\d.,])\d{5,}(?![\d.,]|\s*(?:dollars?|bucks?|usd|yuan|rmb|euros?|pounds?|美元|美金|块|元|刀))/g,
  // A year a thing happened in ("closed it in 2019", "since 2020").
  /\b(?:in|since|from|of|back in|until)\s+(?:19|20)\d{2}\b/g,
  // An age or a length of time ("seventy eight years old", "for thirty years", "七十多岁", "今年七十多了").
  new RegExp(`\\b(?:\\d+|${ENGLISH_NUMBER_PATTERN})\\s+(?:years?|months?|weeks?|days?|hours?|minutes?)\\b`, 'g'),
  // A year said with 年 ("一千九百八十五年") is a verification answer and stays a number; years of time are not.
  new RegExp(`(?:\\d+|${CHINESE_NUMBER_PATTERN})\\s*(?:多\\s*)?(?:岁|周岁|天|小时|分钟|年了)|(?:\\d+|${CHINESE_NUMBER_PATTERN})\\s*多\\s*年|(?:今年|都)\\s*(?:\\d+|${CHINESE_NUMBER_PATTERN})\\s*多?\\s*了`, 'g'),
];

const spansOf = (text: string, pattern: RegExp): Span[] => [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }));

/** Hesitations inside a number ("a hundred and, uh, twenty"): dropped before numbers are read. */
const FILLERS = /,?\s*\b(?:uh|um|er|erm|uhm)\b\s*,?/g;

const CURRENCY_BEFORE = /[$¥€£]\s*$/;
const CURRENCY_AFTER = /^\s*(?:dollars?|bucks?|quid|usd|yuan|rmb|euros?|pounds?|美元|美金|块钱|块|元|刀)/;
const CENTS_AFTER = new RegExp(`^\\s*(?:and\\s+)?(\\d{1,2}|${ENGLISH_NUMBER_PATTERN})\\s*cents?\\b`);
/** "五十块五" / "五十块五毛": a digit after 块/元 is tenths (jiao). */
const JIAO_AFTER = /^([一二两三四五六七八九\d])\s*(?:毛|角)?/;

function overlaps(a: Span, spans: readonly Span[]): boolean {
  return spans.some((b) => a.start < b.end && b.start < a.end);
}

export function minorUnitDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

function findInstalments(text: string, taken: readonly Span[]): (Span & { count: number }) | undefined {
  for (const pattern of INSTALMENT_PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const span = { start: match.index, end: match.index + match[0].length };
    const said = match[1] ?? '';
    const count = parseSmallNumber(HOMOPHONE_COUNTS[said] ?? said);
    // "In one payment" is paying in full, not a plan of one.
    if (count !== undefined && count > 1 && !overlaps(span, taken)) return { ...span, count };
  }
  return undefined;
}

/** The amount a mention stands for, in minor units, if the words around it make it money. */
function markedAmountMinor(text: string, mention: NumberMention, digits: number): number | undefined {
  const after = text.slice(mention.end);
  const currencyAfter = CURRENCY_AFTER.exec(after);
  if (!currencyAfter && !CURRENCY_BEFORE.test(text.slice(0, mention.start))) return undefined;
  const rest = currencyAfter ? after.slice(currencyAfter[0].length) : after;
  const cents = CENTS_AFTER.exec(rest);
  const jiao = currencyAfter && /[块元]$/.test(currencyAfter[0]) ? JIAO_AFTER.exec(rest) : null;
  const fraction = cents ? (parseSmallNumber(cents[1] ?? '') ?? 0) / 100 : jiao ? (parseSmallNumber(jiao[1] ?? '') ?? 0) / 10 : 0;
  return Math.round((mention.value + fraction) * 10 ** digits);
}

/**
 * An amount said without a currency word ("one hundred and twenty", "50.25") still counts, but not
 * a lone "one" or "一" ("no one", "一下"), which is far more often not money.
 */
function bareAmountMinor(text: string, mention: NumberMention, digits: number): number | undefined {
  const raw = text.slice(mention.start, mention.end);
  const plausible = mention.kind === 'digits' ? mention.value > 0 : mention.value >= 2 && (mention.kind === 'english' || [...raw].length >= 2);
  return plausible ? Math.round(mention.value * 10 ** digits) : undefined;
}

function findAmountMinor(text: string, taken: readonly Span[], currency: string): number | undefined {
  const digits = minorUnitDigits(currency);
  const mentions = findNumbers(text).filter((mention) => !overlaps(mention, taken));
  const marked = mentions.map((m) => markedAmountMinor(text, m, digits)).find((amount) => amount !== undefined);
  return marked ?? mentions.map((m) => bareAmountMinor(text, m, digits)).find((amount) => amount !== undefined);
}

/**
 * Amount, date, number of instalments and keypad digits in one utterance. Dates are read first, then
 * instalment counts, then amounts among the numbers left over, so "分3期" or "the 15th" is never money.
 */
export function extractEntities(utterance: { text: string; digits?: string | undefined }, context: EntityContext): Entities {
  const text = normalizeText(utterance.text).replace(FILLERS, ' ');
  const date = findDate(text, context.now, context.timeZone);
  const times = spansOf(text, TIME_OF_DAY);
  const dateSpans = date ? [date, ...times] : times;
  const instalments = findInstalments(text, dateSpans);
  const taken = [...dateSpans, ...NOT_AMOUNTS.flatMap((pattern) => spansOf(text, pattern)), ...(instalments ? [instalments] : [])];
  return {
    amountMinor: findAmountMinor(text, taken, context.currency) ?? null,
    date: date?.isoDate ?? null,
    instalments: instalments?.count ?? null,
    digits: utterance.digits ?? null,
  };
}

/** Entities of `update` where it has them, else those of `base`: terms built up over several turns. */
export function mergeEntities(base: Entities, update: Entities): Entities {
  return {
    amountMinor: update.amountMinor ?? base.amountMinor,
    date: update.date ?? base.date,
    instalments: update.instalments ?? base.instalments,
    digits: update.digits ?? base.digits,
  };
}

export function hasTerms(entities: Entities): boolean {
  return entities.amountMinor !== null || entities.date !== null || entities.instalments !== null;
}
