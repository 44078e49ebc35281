import { CHINESE_NUMBER_PATTERN, ENGLISH_NUMBER_PATTERN, findNumbers, parseEnglishNumber, parseSmallNumber } from '../dialog/spoken-numbers';
import { blankOut } from '../dialog/text-normalize';

/**
 * Every number a survey answer gives, on top of spoken-numbers.ts: two numbers said as one
 * ("seven eight", "七八分" are two candidates, not 15 or 78), a scale's denominator ("out of ten")
 * left out, hours said for a question in minutes, and the speech recogniser's sound-alikes.
 */
export interface QuantityReading {
  values: number[];
  /** A value came from a sound-alike ("ate", "吧分"), not a number word. */
  soundAlike: boolean;
  /** A round figure said as vague ("十几分钟", "twenty-something"): no value can be taken from it. */
  vague: boolean;
}

export interface QuantityContext {
  language: string;
  /** The question counts minutes: "half an hour" is 30. */
  minutes: boolean;
  /** The question counts something that can be none: "didn't wait at all" is 0. */
  zeroWords: boolean;
  /** What "full marks" (满分) means on this scale, if it is a score. */
  fullMarks?: number;
}

/** A count said in digits, words or Chinese numerals, or as "a"/"an" ("an hour", "a week ago"). */
export const COUNT = `(\\d+(?:\\.\\d+)?|an?|${ENGLISH_NUMBER_PATTERN}|${CHINESE_NUMBER_PATTERN})`;

export const count = (raw: string | undefined): number => (raw === 'a' || raw === 'an' ? 1 : (parseSmallNumber(raw ?? '') ?? Number(raw)));

/** Most specific first ("一个半小时" before "半小时"); each match is blanked before the next pattern reads. */
const DURATIONS: ReadonlyArray<[RegExp, (m: RegExpExecArray) => number]> = [
  [new RegExp(`\\b${COUNT}\\s+and\\s+a\\s+half\\s+(?:hours?|hrs?)\\b|\\b${COUNT}\\s+(?:hours?|hrs?)\\s+and\\s+a\\s+half\\b|${COUNT}\\s*个?半\\s*(?:小时|钟头)`, 'g'), (m) => count(m[1] ?? m[2] ?? m[3]) * 60 + 30],
  [/\bhalf\s+(?:an?\s+)?hour\b|半个?(?:小时|钟头)/g, () => 30],
  [/\b(?:a\s+)?quarter\s+(?:of\s+)?(?:an?\s+)?hour\b|一刻钟/g, () => 15],
  [new RegExp(`\\b${COUNT}\\s*(?:hours?|hrs?)\\b|${COUNT}\\s*个?\\s*(?:小时|钟头)`, 'g'), (m) => count(m[1] ?? m[2]) * 60],
];

const ZERO = /\b(?:didn't|did not|never)\s+(?:have\s+to\s+)?wait\b|\bno\s+(?:wait|time)(?:\s+at\s+all)?\b|\bright\s+away\b|\bstraight\s+away\b|\bimmediately\b|\bnone\b|没等|不用等|马上|立刻|立即|直接就?接/;

const COUPLE = /\ba\s+couple\s+(?:of\s+)?/;

/** "out of ten", "4/5", "满分十分": the scale, not the answer. */
const DENOMINATOR = new RegExp(`\\bout\\s+of\\s+${COUNT}\\b|(?<=\\d)\\s*/\\s*\\d+|满分\\s*${COUNT}\\s*分?`, 'g');

/** "十分满意" is "completely satisfied", not ten: 十分 before a word of feeling is an adverb. */
const TEN_AS_ADVERB = /十分(?=\s*(?:满意|不|好|棒|差|糟|喜欢|推荐|可能|愿意|乐意|失望|一般|愉快|开心|高兴))/g;

/** Two consecutive digits said together ("七八分", "五六分钟") give two candidates. */
const CHINESE_PAIR = /(?<![零〇一二两三四五六七八九十百千万])([一二三四五六七八九])([一二三四五六七八九])(?![零〇一二两三四五六七八九十百千万])/g;

const ENGLISH_SOUND_ALIKES: Readonly<Record<string, number>> = { ate: 8, for: 4, fore: 4, to: 2, too: 2, won: 1, tree: 3 };
/** Only where a number is expected: "for" is four in "give it a for", never in "waited for ages". */
const ENGLISH_SOUND_ALIKE = /(?:^|\b(?:a|an|maybe|like|say|probably|just|about)\s+)(ate|fore?|too?|won|tree)(?=\s*(?:$|[.,!?]|minutes?\b|mins?\b|out\s+of\b|points?\b))/;

/** Speech recognisers write 八 as 吧 and 九 as 酒 before 分 (both pairs sound alike). */
const CHINESE_SOUND_ALIKES: ReadonlyArray<[RegExp, string]> = [
  [/吧(?=\s*分)/g, '八'],
  [/酒(?=\s*分)/g, '九'],
];
/** ...and 吧 as 八 at the end of a phrase ("还行八"): a sentence particle, not a number. */
const EIGHT_AS_PARTICLE = /(?<=[行好错以意了的般算样])八(?=\s*[,.!?，。！？]|\s*$)/g;

const VAGUE = /[十百]几|几十|\b(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-]?(?:something|odd|ish)\b/;

/** A run of English number words, split where it is two numbers ("seven eight", "five and six"). */
function splitEnglishRun(raw: string): number[] {
  const groups: string[][] = [];
  for (const word of raw.split(/[\s-]+/).filter((w) => w !== 'and' && w !== '')) {
    const current = groups.at(-1);
    const previous = current?.at(-1) ?? '';
    const previousValue = parseEnglishNumber(previous) ?? 0;
    const value = parseEnglishNumber(word) ?? 0;
    const joins =
      current !== undefined &&
      (/^(?:hundred|thousand|million)$/.test(word) ||
        /^(?:hundred|thousand|million|a)$/.test(previous) ||
        (previousValue >= 20 && previousValue % 10 === 0 && previousValue < 100 && value < 10));
    if (joins) current.push(word);
    else groups.push([word]);
  }
  return groups.map((group) => parseEnglishNumber(group.join(' '))).filter((v): v is number => v !== undefined);
}

function readChinesePairs(text: string, values: number[]): string {
  return text.replace(CHINESE_PAIR, (match, first: string, second: string) => {
    const [a, b] = [parseSmallNumber(first) ?? 0, parseSmallNumber(second) ?? 0];
    if (b !== a + 1) return match;
    values.push(a, b);
    return '  ';
  });
}

function readDurations(text: string, values: number[]): string {
  return DURATIONS.reduce(
    (acc, [pattern, minutes]) =>
      acc.replace(pattern, (...args: unknown[]) => {
        const match = args as unknown as RegExpExecArray;
        values.push(minutes(match));
        return ' '.repeat(String(args[0]).length);
      }),
    text,
  );
}

function fixChineseSoundAlikes(text: string): { text: string; soundAlike: boolean } {
  const withParticles = text.replace(EIGHT_AS_PARTICLE, '吧');
  const fixed = CHINESE_SOUND_ALIKES.reduce((acc, [pattern, digit]) => acc.replace(pattern, digit), withParticles);
  return { text: fixed, soundAlike: fixed !== withParticles };
}

/** Words that begin with 一 and mean no number: "一般" (so-so), "一点" (a bit), "一直" (all along). */
const ONE_IN_WORDS = /一(?:般|点|下|直|样|起|些|定|切|向|会)/g;

/** "eight and a half", "八分半", "七点五": between two whole points. */
const AND_A_HALF = /^\s*(?:and\s+a\s+half\b|半)/;

function mentionedValues(text: string): number[] {
  const unworded = text.replace(ONE_IN_WORDS, '  ');
  return findNumbers(unworded).flatMap((mention) => {
    const values = mention.kind === 'english' ? splitEnglishRun(unworded.slice(mention.start, mention.end)) : [mention.value];
    const half = AND_A_HALF.test(unworded.slice(mention.end).replace(/^\s*分/, '')) ? 0.5 : 0;
    return values.map((value, i) => (i === values.length - 1 ? value + half : value));
  });
}

/** The numbers `text` (normalized) gives as an answer, in order. */
export function readQuantities(text: string, context: QuantityContext): QuantityReading {
  const values: number[] = [];
  const chinese = fixChineseSoundAlikes(text.replace(TEN_AS_ADVERB, '  '));
  let rest = chinese.text.replace(DENOMINATOR, (match) => ' '.repeat(match.length));
  if (context.fullMarks !== undefined && rest.includes('满分')) {
    values.push(context.fullMarks);
    rest = blankOut(rest, ['满分']);
  }
  if (context.minutes) rest = readDurations(rest, values);
  rest = readChinesePairs(rest.replace(COUPLE, 'two '), values);
  values.push(...mentionedValues(rest));
  if (values.length === 0 && context.zeroWords && ZERO.test(rest)) values.push(0);
  const soundAlike = context.language === 'en' && values.length === 0 ? ENGLISH_SOUND_ALIKE.exec(rest.trim()) : null;
  if (soundAlike) values.push(ENGLISH_SOUND_ALIKES[soundAlike[1] ?? ''] ?? 0);
  return { values, soundAlike: chinese.soundAlike || soundAlike !== null, vague: VAGUE.test(rest) };
}
