import { saysIntent } from '../dialog/intents';
import { normalizeText } from '../dialog/text-normalize';
import type { Reading } from './answer-reading';

/** Neither yes nor no: partly solved is worth a confirmation, not a coin toss. */
const PARTLY =
  /\b(?:sort of|kind of|kinda|partly|partially|somewhat|more or less|halfway|half and half|yes and no|not (?:completely|fully|entirely|totally|quite|all)|mostly|in a way)\b|算是|一部分|部分|一半|(?:没有|没|不)完全|差不多|有点/;

/** No, beyond the dialog's deny rule: a negated auxiliary echoes the question ("it wasn't"). */
const NO =
  /^\s*n\s*$|\b(?:not yet|never|not at all)\b|\b(?:it|that|they|he|she|i|we)\s+(?:wasn't|was not|isn't|is not|didn't|did not|haven't|hasn't|won't|wouldn't|don't|do not)\b|不对|不是|还没|没有(?!问题)|(?<![行好])不行|^\s*(?:不(?:要|行|方便|可以|好)?(?!错|客气)|没(?!问题|错|有问题)|否)/;

/**
 * Yes, beyond the dialog's affirm rule: an auxiliary echoing the question ("it was", "they did").
 * 是 inside 还是, 但是, 可是, 总是, 老是, 要是, 于是, 只是 ("still", "but", "always"...) is no yes.
 */
const YES =
  /^\s*y\s*$|\b(?:it|that|they|he|she|i|we)\s+(?:was|is|did|have|has|do|would|will)\b(?!n't)|\b(?:think|guess|believe|hope|suppose)\s+so\b|(?<![还但可总老要于只])是|对|嗯|当然|有的/;

const ENGLISH_NEGATION_BEFORE = /\b(?:not|never|no)\s+(?:\w+\s+)?$|n't\s+(?:\w+\s+)?$/;
const CHINESE_NEGATION_BEFORE = /[不没][^，。,.!?]{0,2}$/;

/**
 * The words that answer a yes/no question by repeating it: Chinese answers with the verb
 * ("解决了吗?" / "解决了", "没解决"), English often with its participle ("solved").
 */
function echoWords(questionTexts: readonly string[]): string[] {
  return questionTexts.flatMap((questionText) => {
    const text = normalizeText(questionText);
    const chinese = /([\u4e00-\u9fff]{2})了?吗\s*[?？]?\s*$/.exec(text)?.[1];
    const participles = text.match(/\b[a-z]{3,}ed\b/g) ?? [];
    return chinese ? [chinese, ...participles] : participles;
  });
}

/** Each echo of the question in `text`: true where said plainly, false where negated before it. */
function echoes(text: string, questionTexts: readonly string[]): boolean[] {
  return echoWords(questionTexts).flatMap((word) =>
    [...text.matchAll(new RegExp(/^[a-z]+$/.test(word) ? `\\b${word}\\b` : word, 'g'))].map((match) => {
      const before = text.slice(0, match.index);
      return !(ENGLISH_NEGATION_BEFORE.test(before) || CHINESE_NEGATION_BEFORE.test(before));
    }),
  );
}

/** `questionTexts`: the question in every language it is worded in, for the echoes. */
export function readYesNo(text: string, questionTexts: readonly string[]): Reading {
  if (PARTLY.test(text)) return { candidates: [true, false], vague: true };
  const echoed = echoes(text, questionTexts);
  const no = saysIntent(text, 'deny') || NO.test(text) || echoed.includes(false);
  const rest = text.replace(new RegExp(NO.source, 'g'), (match) => ' '.repeat(match.length));
  const yes = saysIntent(rest, 'affirm') || YES.test(rest) || echoed.includes(true);
  if (yes && no) return { candidates: [true, false] };
  return { candidates: yes ? [true] : no ? [false] : [] };
}
