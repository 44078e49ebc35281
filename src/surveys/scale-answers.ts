import { distinctValues, type Reading } from './answer-reading';
import { escapeRegExp, phrasePattern } from './phrase-patterns';
import type { RatingScale, SurveyQuestion } from './question-types';
import { readQuantities, type QuantityReading } from './spoken-quantities';

type Question<T extends SurveyQuestion['type']> = Extract<SurveyQuestion, { type: T }>;

/**
 * Words of satisfaction as positions on a scale, 0 the bottom, 1 the top, for the points the
 * scale's own labels do not name. Explicit negations are listed as phrases: "not bad" is
 * positive, "not very satisfied" is not the bottom, "不错" is good.
 */
const FEELINGS: ReadonlyArray<[readonly string[], number]> = [
  [['neither \\w+ nor \\w+'], 0.5],
  [['not at all (?:satisfied|happy)', 'not (?:satisfied|happy) at all', 'very (?:dissatisfied|unhappy|bad|poor)', 'extremely (?:dissatisfied|unhappy)', 'terrible', 'awful', 'horrible', 'the worst', 'appalling'], 0],
  [['非常不满意', '很不满意', '特别不满意', '极不满意', '一点(?:都|也)不满意', '太差', '很差', '非常差', '特别差', '极差', '糟糕', '非常不好', '很不好', '烂透'], 0],
  [['not (?:very|really|too|that|so) (?:satisfied|happy|good)', 'not (?:satisfied|happy|great|good)', 'dissatisfied', 'unhappy', 'disappointed', 'bad', 'poor'], 0.25],
  [['不太满意', '不是很满意', '不怎么满意', '不满意', '不太好', '不怎么样', '不好', '不行', '失望', '差劲', '较差'], 0.25],
  [['so-so', 'average', 'neutral', 'in the middle', 'middle', 'meh', 'okay', 'ok', 'alright', 'all right', 'mixed'], 0.5],
  [['一般般', '一般', '还好', '还行', '还可以', '马马虎虎', '凑合', '中等', '中立', '过得去'], 0.5],
  [['not bad', 'not too bad', 'pretty good', 'quite good', 'fairly good', 'happy enough', 'satisfied', 'happy', 'pleased', 'good', 'fine'], 0.75],
  [['比较满意', '还不错', '不错', '挺好', '蛮好', '满意', '好'], 0.75],
  [['very (?:satisfied|happy|good|pleased)', 'extremely (?:satisfied|happy)', 'really (?:good|happy|satisfied)', 'excellent', 'great', 'amazing', 'perfect', 'fantastic', 'outstanding', 'brilliant', 'loved it'], 1],
  [['非常满意', '很满意', '特别满意', '十分满意', '超级满意', '非常好', '特别好', '很好', '太好了', '完美', '很棒', '超棒', '满分'], 1],
];

/** The scale's own labels and the feelings lexicon, each phrase with the point it names. */
function scalePhrases(scale: RatingScale): Array<[RegExp, number]> {
  const span = scale.max - scale.min;
  const labels = Object.entries(scale.labels).flatMap(([point, wording]) =>
    Object.values(wording).map((label): [string, number] => [escapeRegExp(label.toLowerCase()), Number(point)]),
  );
  const feelings = FEELINGS.flatMap(([phrases, position]) => phrases.map((phrase): [string, number] => [phrase, scale.min + Math.round(position * span)]));
  return [...labels, ...feelings].map(([source, point]) => [phrasePattern(source), point]);
}

/**
 * The points the words name, in the order said. The longest phrase wins where phrases overlap,
 * so "不满意" is not also read as "满意", nor "not satisfied at all" as "not satisfied".
 */
function pointsNamed(text: string, scale: RatingScale): number[] {
  const matches = scalePhrases(scale).flatMap(([pattern, point]) =>
    [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length, point })),
  );
  const kept: typeof matches = [];
  for (const match of [...matches].sort((a, b) => b.end - b.start - (a.end - a.start))) {
    if (!kept.some((k) => match.start < k.end && k.start < match.end)) kept.push(match);
  }
  return kept.sort((a, b) => a.start - b.start).map((k) => k.point);
}

/** Numbers against a range: those inside are candidates; a non-integer on a whole-number scale is either neighbour. */
function withinRange(quantities: QuantityReading, min: number, max: number, integer: boolean): Reading {
  if (quantities.vague) return { candidates: [], vague: true };
  const whole = quantities.values.flatMap((v) => (integer && !Number.isInteger(v) ? [Math.floor(v), Math.ceil(v)] : [v]));
  const inside = whole.filter((v) => v >= min && v <= max);
  if (inside.length > 0) return { candidates: distinctValues(inside), soundAlike: quantities.soundAlike };
  const [first] = quantities.values;
  return first === undefined ? { candidates: [] } : { candidates: [], outOfRange: first };
}

export function readNps(text: string, language: string): Reading {
  const quantities = readQuantities(text, { language, minutes: false, zeroWords: false, fullMarks: 10 });
  return withinRange(quantities, 0, 10, true);
}

/** A number if one was said ("a four", "4 out of 5"); else the scale's words. */
export function readRating(question: Question<'rating'>, text: string, language: string): Reading {
  const { min, max } = question.scale;
  const quantities = readQuantities(text, { language, minutes: false, zeroWords: false, fullMarks: max });
  if (quantities.values.length > 0 || quantities.vague) return withinRange(quantities, min, max, true);
  return { candidates: distinctValues(pointsNamed(text, question.scale)) };
}

const MINUTES = /\bminutes?\b|\bmins?\b|分钟/;

export function readNumber(question: Question<'number'>, text: string, language: string): Reading {
  const minutes = Object.values(question.unit ?? {}).some((unit) => MINUTES.test(unit.toLowerCase()));
  const quantities = readQuantities(text, { language, minutes, zeroWords: question.range.min <= 0 });
  return withinRange(quantities, question.range.min, question.range.max, question.range.integer);
}
