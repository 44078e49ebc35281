import { normalizeText } from '../dialog/text-normalize';

/**
 * The words around an answer that say how sure the respondent is, or that they will not answer.
 * Both languages are always read: bilingual respondents mix them.
 *
 * The hedge rule (answer-parsing.ts applies it):
 * - a soft hedge ("maybe", "probably", "I'd say", "about", "吧", "大概", "可能", "应该", "好像")
 *   softens a single reading: it is taken, with a lower confidence. People say "maybe an eight"
 *   and mean eight; "八分吧" is eight.
 * - doubt ("not sure", "I guess", "can't remember", "我猜", "不确定", "说不好", "记不清") says the
 *   respondent does not stand behind the reading: it is confirmed, never taken.
 * - doubt with nothing else said is "don't know".
 */
export interface AnswerCues {
  /** Normalized text with the don't-know and refusal phrases blanked out, so no reader sees them. */
  text: string;
  soft: boolean;
  doubt: boolean;
  dontKnow: boolean;
  refused: boolean;
}

const DONT_KNOW: readonly RegExp[] = [
  /\b(?:i\s+)?(?:don't|do not|dont)\s+(?:really\s+)?(?:know|remember|recall)\b|\bdunno\b|\bno\s+(?:idea|clue)\b/g,
  /\b(?:i'm\s+|i\s+am\s+)?not\s+(?:really\s+)?(?:sure|certain)\b|\bunsure\b|\b(?:can't|cannot|can not|couldn't)\s+(?:really\s+)?(?:remember|recall|say)\b|\bhard\s+to\s+say\b|\bwho\s+knows\b/g,
  /不知道|不(?:是很|太)?清楚|不确定|说不(?:好|准|清|上来)|不好说|记不(?:太)?(?:清|得|住)了?|不记得了?|忘(?:记)?了|没印象/g,
];

const REFUSED: readonly RegExp[] = [
  /\b(?:i'd|i\s+would)\s+(?:rather|prefer)\s+not(?:\s+(?:to\s+)?(?:say|answer|tell|comment)(?:\s+that)?)?\b|\bprefer\s+not\s+to\s+(?:say|answer)\b/g,
  /\b(?:i\s+)?(?:don't|do not|dont)\s+want\s+to\s+(?:say|answer|tell|share)(?:\s+(?:that|you))?\b|\bnot\s+telling\b|\bno\s+comment\b|\bnone\s+of\s+your\s+business\b|\bskip(?:\s+(?:it|this|that))?\b|\bpass\b/g,
  /(?:这个)?不(?:想|愿意?|方便|能)(?:说|回答|告诉你?|讲|透露)|无可奉告|保密|跳过|不回答/g,
];

/** Said while guessing: with a reading, it is confirmed (these are kept in the text: "I guess so" is still a yes). */
const DOUBT = /\bi\s+guess\b|\bi\s+suppose\b|\bor\s+something\b|我猜|猜的/;

const SOFT = /\b(?:maybe|probably|perhaps|i'd\s+say|i\s+would\s+say|i\s+think|i\s+believe|about|around|roughly|approximately|like|or\s+so|ish)\b|吧|大概|大约|可能|应该|好像|差不多|左右|也许/;

/** Sounds, pronouns and politeness that say nothing by themselves, as a comment or after a refusal. */
const FILLERS = /\b(?:um+|uh+|er+|erm|hmm+|mm+|ah+|oh|well|so|okay|ok|i|i'm|it's|it|was|just|honestly|sorry|that|then|really|actually|to\s+be\s+honest)\b|[嗯啊呃哦哎唉呢吧了的我这那个就是]/g;

function blankAll(text: string, patterns: readonly RegExp[]): { text: string; found: boolean } {
  let found = false;
  const blanked = patterns.reduce(
    (acc, pattern) =>
      acc.replace(pattern, (match) => {
        found = true;
        return ' '.repeat(match.length);
      }),
    text,
  );
  return { text: blanked, found };
}

/** True when `text` (normalized) has nothing but fillers and punctuation. */
export function onlyFillers(text: string): boolean {
  return text.replace(FILLERS, ' ').replace(/[^\p{L}\p{N}]+/gu, '') === '';
}

export function readCues(utterance: string): AnswerCues {
  const normalized = normalizeText(utterance);
  const refused = blankAll(normalized, REFUSED);
  const dontKnow = blankAll(refused.text, DONT_KNOW);
  return {
    text: dontKnow.text,
    soft: SOFT.test(dontKnow.text),
    doubt: dontKnow.found || DOUBT.test(dontKnow.text),
    dontKnow: dontKnow.found,
    refused: refused.found,
  };
}
