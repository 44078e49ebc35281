/**
 * Numbers as people say them and speech recognisers write them: digits ("1,200.50"), English words
 * ("one hundred and twenty"), Chinese numerals ("一百二十", colloquial "一百二" = 120, digit strings
 * "一九八五"). Input is normalized text (text-normalize.ts).
 */

export interface NumberMention {
  value: number;
  start: number;
  end: number;
  kind: 'digits' | 'english' | 'chinese';
}

const ENGLISH_UNITS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90,
};

const ENGLISH_SCALES: Readonly<Record<string, number>> = { hundred: 100, thousand: 1_000, million: 1_000_000 };

/** Every English number word this parser reads. */
export const ENGLISH_NUMBER_WORDS: readonly string[] = [...Object.keys(ENGLISH_UNITS), ...Object.keys(ENGLISH_SCALES)];

const ENGLISH_WORD = [...ENGLISH_NUMBER_WORDS]
  .sort((a, b) => b.length - a.length)
  .join('|');

/**
 * Recognisers write "two hundred" as "to hundred" and "four hundred" as "for hundred"; "up to hundred"
 * is a limit said without its "a", so it stays a hundred.
 */
const HOMOPHONE_BEFORE_SCALE = /(?<!\bup\s)\b(to|too|for)\s+(?=hundred|thousand)/g;
const HOMOPHONE_UNITS: Readonly<Record<string, string>> = { to: 'two', too: 'two', for: 'four' };

/** A run of English number words, e.g. "a hundred and twenty", "twenty-five"; recognisers write "and" as "n". */
export const ENGLISH_NUMBER_PATTERN = `(?:(?:a|(?<!\\bup\\s)to|too|for)\\s+(?=hundred|thousand))?(?:${ENGLISH_WORD})(?:(?:\\s+(?:and|n)\\s+|\\s+|-)(?:${ENGLISH_WORD}))*`;

const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

const CHINESE_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1_000 };

const CHINESE_BIG_UNITS: Readonly<Record<string, number>> = { 万: 10_000, 亿: 100_000_000 };

export const CHINESE_NUMBER_PATTERN = '[零〇一二两三四五六七八九十百千万亿]+';

/**
 * "One twenty", "two fifty": prices said as hundreds and the rest, without "hundred" (120, 250). Only
 * a single digit then tens or teens reads so; "twenty five" stays 25.
 */
function colloquialHundreds(words: readonly string[]): number | undefined {
  const [first, second, ...rest] = words.map((word) => ENGLISH_UNITS[word]);
  if (first === undefined || second === undefined || first < 1 || first > 9 || second < 10) return undefined;
  if (rest.some((unit) => unit === undefined || unit >= 10) || words.length > 3 || (rest.length > 0 && second < 20)) return undefined;
  return first * 100 + second + (rest[0] ?? 0);
}

export function parseEnglishNumber(said: string): number | undefined {
  const words = said.replace(HOMOPHONE_BEFORE_SCALE, (_found, homophone: string) => `${HOMOPHONE_UNITS[homophone] ?? homophone} `);
  const colloquial = colloquialHundreds(words.split(/[\s-]+/).filter((word) => word !== ''));
  if (colloquial !== undefined) return colloquial;
  let total = 0;
  let current = 0;
  let seen = false;
  for (const word of words.split(/[\s-]+/)) {
    if (word === 'and' || word === 'n' || word === 'a' || word === '') continue;
    const unit = ENGLISH_UNITS[word];
    const scale = ENGLISH_SCALES[word];
    if (unit !== undefined) current += unit;
    else if (scale === 100) current = (current || 1) * 100;
    else if (scale !== undefined) {
      total += (current || 1) * scale;
      current = 0;
    } else return undefined;
    seen = true;
  }
  return seen ? total + current : undefined;
}

export function parseChineseNumber(numeral: string): number | undefined {
  const chars = [...numeral];
  if (chars.length === 0) return undefined;
  const hasUnit = chars.some((c) => c in CHINESE_UNITS || c in CHINESE_BIG_UNITS);
  if (!hasUnit) {
    // "一九八五", "二零二五": digit by digit, as years and codes are read.
    const digits = chars.map((c) => CHINESE_DIGITS[c]);
    return digits.every((d) => d !== undefined) ? Number(digits.join('')) : undefined;
  }
  let total = 0;
  let section = 0;
  let digit = 0;
  let lastUnit = 0;
  chars.forEach((char) => {
    const unit = CHINESE_UNITS[char];
    const bigUnit = CHINESE_BIG_UNITS[char];
    if (unit !== undefined) {
      section += (digit || 1) * unit;
      digit = 0;
      lastUnit = unit;
    } else if (bigUnit !== undefined) {
      total += (section + digit) * bigUnit;
      section = 0;
      digit = 0;
      lastUnit = bigUnit;
    } else digit = CHINESE_DIGITS[char] ?? 0;
  });
  const previous = chars.at(-2) ?? '';
  // Colloquial "一百二" / "两千五" / "一万二": a last digit right after a unit counts in the next lower unit.
  const colloquial = digit > 0 && lastUnit >= 100 && (previous in CHINESE_UNITS || previous in CHINESE_BIG_UNITS);
  return total + section + (colloquial ? (digit * lastUnit) / 10 : digit);
}

/**
 * "1 20", "2 50": a price said as "one twenty" and written by the recogniser as a digit, a space and
 * two digits; read as hundreds and the rest, as colloquialHundreds reads the words.
 */
const SPLIT_HUNDREDS = /^([1-9])\s(\d{2})$/;

function parseDigits(raw: string): number {
  const split = SPLIT_HUNDREDS.exec(raw);
  return split ? Number(split[1]) * 100 + Number(split[2]) : Number(raw.replace(/,/g, ''));
}

const NUMBER_MATCHERS: ReadonlyArray<{ kind: NumberMention['kind']; pattern: RegExp; parse: (raw: string) => number | undefined }> = [
  { kind: 'digits', pattern: /(?<!\d[\s,.:]?)\b[1-9]\s\d{2}\b(?![.,:]?\s?\d)|\d+(?:,\d{3})*(?:\.\d+)?/g, parse: parseDigits },
  { kind: 'english', pattern: new RegExp(`\\b${ENGLISH_NUMBER_PATTERN}\\b`, 'g'), parse: parseEnglishNumber },
  // Recognisers put spaces inside Chinese numerals ("一百 二十"): one number all the same, but only
  // after a unit: "一千二 一次性" is 1,200 and then "in one go", not 12,001.
  { kind: 'chinese', pattern: new RegExp(`(?:[零〇一二两三四五六七八九十百千万亿]*[十百千万亿]\\s+)*${CHINESE_NUMBER_PATTERN}`, 'g'), parse: (raw) => parseChineseNumber(raw.replace(/\s+/g, '')) },
];

/** Every number in the text, in order of appearance. */
export function findNumbers(text: string): NumberMention[] {
  return NUMBER_MATCHERS.flatMap(({ kind, pattern, parse }) =>
    [...text.matchAll(pattern)].flatMap((match) => {
      const value = parse(match[0]);
      return value === undefined || Number.isNaN(value) ? [] : [{ value, start: match.index, end: match.index + match[0].length, kind }];
    }),
  ).sort((a, b) => a.start - b.start);
}

/** A small count or day number said as digits, English words or Chinese numerals ("3", "three", "三"). */
export function parseSmallNumber(raw: string): number | undefined {
  if (/^\d+$/.test(raw)) return Number(raw);
  return parseEnglishNumber(raw) ?? parseChineseNumber(raw);
}

const SPOKEN_DIGITS: Readonly<Record<string, string>> = {
  zero: '0', oh: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
  零: '0', 〇: '0', 幺: '1', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9',
};

const DIGIT_TOKEN = /\d|\b(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)\b|[零〇幺一二三四五六七八九]/g;

/**
 * Digits read one by one ("nine four one oh seven", "九四一零七", "9 4 1 0 7"), each run joined into
 * one string. A run ends at any word between two digits ("1985 or 1986" is two runs); spaces and
 * punctuation do not end it, as recognisers put them between digits at random.
 */
export function spokenDigitRuns(text: string): string[] {
  const runs: string[] = [];
  let end = -1;
  for (const match of text.matchAll(DIGIT_TOKEN)) {
    const digit = SPOKEN_DIGITS[match[0]] ?? match[0];
    if (end >= 0 && /^[\s\p{P}]*$/u.test(text.slice(end, match.index))) runs[runs.length - 1] += digit;
    else runs.push(digit);
    end = match.index + match[0].length;
  }
  return runs;
}
