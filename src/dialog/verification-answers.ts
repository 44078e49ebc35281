import { findNumbers, parseEnglishNumber, spokenDigitRuns } from './spoken-numbers';
import { normalizeText } from './text-normalize';
import type { Utterance } from './turn-context';

/**
 * How one answer to a verification question reads against the expected value. Every reading of the
 * answer (keys, digit runs, English years, numbers in words or numerals) is collected; the answer
 * matches only when all of them name one single value, and it is that value. So a list of guesses
 * ("1940, 1941, … 2007", "maybe 1950 or 1951") is never a match, whichever year is in it.
 */
export type AnswerReading = 'match' | 'mismatch' | 'several' | 'none';

/** What the expected value looks like: any year, or a code of exactly this many digits. */
export type AnswerShape = { kind: 'year' } | { kind: 'code'; digits: number };

const UNIT = 'one|two|three|four|five|six|seven|eight|nine';
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const TEENS = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';

/** "nineteen eighty-five", "twenty oh five", "nineteen hundred": years said in two halves. */
const ENGLISH_YEAR = new RegExp(
  `\\b(nineteen|twenty)[\\s-]+(hundred(?![\\s-]+(?:and\\s+)?(?:${UNIT}|${TENS}|${TEENS}))|oh[\\s-]+(?:${UNIT})|(?:${TENS})(?:[\\s-]+(?:${UNIT}))?|${TEENS})\\b`,
  'g',
);

function englishYears(text: string): string[] {
  return [...text.matchAll(ENGLISH_YEAR)].flatMap((match) => {
    const century = match[1] === 'nineteen' ? 1900 : 2000;
    const rest = match[2] === 'hundred' ? 0 : parseEnglishNumber((match[2] ?? '').replace(/^oh[\s-]+/, ''));
    return rest === undefined ? [] : [String(century + rest)];
  });
}

function fitsShape(value: string, shape: AnswerShape): boolean {
  return shape.kind === 'year' ? /^(?:19|20)\d\d$/.test(value) : value.length === shape.digits && /^\d+$/.test(value);
}

/**
 * Every value of the expected shape the answer could be giving, and whether it gives any number of
 * two digits or more (a lone "one" or "oh" is more often "one moment" or "oh, hang on").
 */
export function answerCandidates(utterance: Pick<Utterance, 'text' | 'digits'>, shape: AnswerShape): { candidates: Set<string>; saysNumbers: boolean } {
  const text = normalizeText(utterance.text);
  const keys = utterance.digits?.replace(/[*#]/g, '');
  const readings = [
    ...(keys ? [keys] : []),
    ...spokenDigitRuns(text),
    ...findNumbers(text).flatMap((mention) => (Number.isInteger(mention.value) ? [String(mention.value)] : [])),
    ...(shape.kind === 'year' ? englishYears(text) : []),
  ];
  return { candidates: new Set(readings.filter((value) => fitsShape(value, shape))), saysNumbers: readings.some((value) => value.length >= 2) };
}

export function readAnswer(utterance: Pick<Utterance, 'text' | 'digits'>, shape: AnswerShape, expected: string | undefined): AnswerReading {
  const { candidates, saysNumbers } = answerCandidates(utterance, shape);
  if (candidates.size > 1) return 'several';
  if (candidates.size === 0) return saysNumbers ? 'mismatch' : 'none';
  // A value the records lack cannot be confirmed: the caller stays unverified.
  return expected !== undefined && candidates.has(expected) ? 'match' : 'mismatch';
}
