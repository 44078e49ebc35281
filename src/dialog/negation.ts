/**
 * Whether a yes-type phrase is cancelled by a negation earlier in its clause ("I can't pay now",
 * "我不想现在付"). What looks like a negation and is not one is taken out first, per language.
 */

/**
 * Where a clause ends: punctuation, a "but" that turns it ("I can't today, but I can Friday"), or a
 * question starting, which recognisers leave unpunctuated ("I don't have all of it could I pay …").
 */
const CLAUSE_BREAK = /[,.;!?。；、]|\b(?:but|so|and|could i|can i|could we|can we)\b|但是|不过|可是/;

const ENGLISH_NEGATION = /\b(?:not|no|never|don't|do not|won't|will not|can't|cannot|couldn't|wouldn't)\b/;

/** A request put as a negative question ("can't you just send the link", "why don't you text it") is no refusal. */
const ENGLISH_NEGATIVE_QUESTION = /\b(?:why (?:don't|not)|(?:can't|won't|couldn't|wouldn't) you)\b/g;

/** "I'm not saying I won't", "it's not that I don't": two negations, no refusal. */
const ENGLISH_DOUBLE_NEGATION = /\bnot (?:that|saying|because) (?:i|we)(?:'m| am)? (?:don't|won't|can't|do not|will not|cannot)\b/g;

const CHINESE_NEGATION = /[不没别]/;

/** How far back a Chinese negation reaches: "我不想现在付" yes, a 不 a sentence earlier no. */
const CHINESE_WINDOW = 6;

const CHINESE_NOT_NEGATIONS: readonly RegExp[] = [
  // A-not-A asks a question ("能不能", "是不是", "可不可以", "有没有"): its 不 negates nothing.
  /(\p{Script=Han})[不没]\1/gu,
  // Two negations make a yes ("不是不还" = "it is not that I won't pay").
  /(?:不是|没有|不会|不能|不得|并非)不/g,
  // Words that only start like a negation: excuse me, not bad, no problem, you're welcome, other.
  /不好意思|不错|没问题|没有问题|不客气|别的|别人/g,
];

const clauseBefore = (text: string, index: number): string => text.slice(0, index).split(CLAUSE_BREAK).at(-1) ?? '';

export function isNegated(text: string, matchIndex: number): boolean {
  const english = clauseBefore(text, matchIndex).replace(ENGLISH_DOUBLE_NEGATION, ' ').replace(ENGLISH_NEGATIVE_QUESTION, ' ');
  if (ENGLISH_NEGATION.test(english)) return true;
  // Blanked over the whole text, keeping offsets, so that an A-not-A the match starts inside ("可不|可以
  // 月底再付") is still known for a question and its 不 is not left standing alone.
  const chinese = CHINESE_NOT_NEGATIONS.reduce((acc, pattern) => acc.replace(pattern, (found) => ' '.repeat(found.length)), text);
  return CHINESE_NEGATION.test(clauseBefore(chinese, matchIndex).slice(-CHINESE_WINDOW));
}
