import { containsAbuse } from './abuse';
import { normalizeText } from './text-normalize';

/**
 * A small lexicon, EN and ZH: enough to notice a caller getting upset, which is what the escalation
 * rule needs, not a general-purpose sentiment model. Weights are per phrase; the sum is clamped.
 */
const ENGLISH_LEXICON: ReadonlyArray<[string, number]> = [
  ['thank you', 0.4], ['thanks', 0.4], ['appreciate', 0.5], ['great', 0.5], ['perfect', 0.5], ['wonderful', 0.6],
  ['happy', 0.5], ['glad', 0.4], ['helpful', 0.4], ['good', 0.3], ['sure', 0.2], ['no problem', 0.3], ['fine', 0.1],
  ['annoying', -0.5], ['annoyed', -0.5], ['angry', -0.6], ['mad', -0.5], ['upset', -0.5], ['frustrated', -0.5],
  ['ridiculous', -0.6], ['unfair', -0.5], ['terrible', -0.6], ['awful', -0.6], ['worst', -0.7], ['hate', -0.7],
  ['harass', -0.7], ['harassing', -0.7], ['harassment', -0.7], ['sick of', -0.6], ['tired of', -0.5], ['sick and tired', -0.3], ['sick to death', -0.7], ['fed up', -0.6],
  ['scam', -0.6], ['liar', -0.7], ['liars', -0.7], ['useless', -0.6], ['leave me alone', -0.5], ['stressed', -0.4],
  ['worried', -0.3], ['bothering', -0.4],
];

/**
 * Read in order, each match blanked before the next phrase: longer phrases first ("不满意" before
 * "满意"), and neutral words that contain a scored one ("麻烦" = "please", "不好意思" = "excuse me").
 */
const CHINESE_LEXICON: ReadonlyArray<[string, number]> = [
  ['麻烦', 0], ['不好意思', 0], ['不满意', -0.5], ['不高兴', -0.5], ['不开心', -0.5], ['烦死了', -0.8], ['气死', -0.8], ['太过分', -0.7], ['受不了', -0.6],
  ['别烦我', -0.6], ['受够', -0.6], ['太好了', 0.6], ['没问题', 0.3], ['谢谢', 0.4], ['感谢', 0.5], ['满意', 0.4], ['高兴', 0.4],
  ['开心', 0.4], ['好的', 0.2], ['骚扰', -0.7], ['骗子', -0.7], ['骗人', -0.6], ['恶心', -0.7], ['讨厌', -0.6],
  ['生气', -0.6], ['过分', -0.5], ['无语', -0.4], ['烦', -0.5], ['不好', -0.4],
];

const NEGATION_BEFORE = /\b(?:not|never|no|don't|doesn't|isn't|wasn't|aren't)\s+(?:\w+\s+)?$/;

function englishScore(text: string): number {
  return ENGLISH_LEXICON.reduce((sum, [phrase, weight]) => {
    const matches = [...text.matchAll(new RegExp(`\\b${phrase}\\b`, 'g'))];
    // "not happy" is negative, "not bad"-style flips are weaker than the word itself.
    return sum + matches.reduce((acc, m) => acc + (NEGATION_BEFORE.test(text.slice(0, m.index)) ? -weight / 2 : weight), 0);
  }, 0);
}

function chineseScore(text: string): number {
  let remaining = text;
  let sum = 0;
  for (const [phrase, weight] of CHINESE_LEXICON) {
    const parts = remaining.split(phrase);
    sum += (parts.length - 1) * weight;
    remaining = parts.join(' ');
  }
  return sum;
}

/** -1 (hostile) .. 1 (warm); abuse is always -1. */
export function scoreSentiment(text: string): number {
  if (containsAbuse(text)) return -1;
  const normalized = normalizeText(text);
  const sum = englishScore(normalized) + chineseScore(normalized);
  return Math.max(-1, Math.min(1, Math.round(sum * 100) / 100));
}
