import type { Language } from './language';
import { normalizeText } from './text-normalize';

/**
 * A campaign's frequently asked questions in the call's language, and which one a caller's words
 * ask. Pure: the rule engine answers a match itself (collections-faq.ts), and the LLM activity
 * leaves such a turn to it, so a frequent question costs no LLM request.
 */

/** One FAQ entry as a call carries it: the campaign's entry in the call language. */
export interface CallFaqEntry {
  id: string;
  /** Phrasings or keywords that ask the question, as the campaign wrote them. */
  phrasings: string[];
  answer: string;
  /** The answer says something about the debt: only for the verified person (12 CFR 1006.6(d)). */
  afterVerification: boolean;
}

export interface FaqMatch {
  entry: CallFaqEntry;
  phrasing: string;
}

/**
 * Words as a sequence to search: English keeps single spaces between words, so "card" does not
 * match "discard"; Chinese is written without spaces, so they are dropped (ASR output spaces it
 * at random, and an English word inside Chinese then reads as its letters).
 */
function searchable(text: string, language: Language): string {
  const words = normalizeText(text).replace(/[^\p{L}\p{N}']+/gu, ' ').trim();
  return language === 'en' ? ` ${words} ` : words.replace(/ /g, '');
}

/**
 * The entry the words ask, when one of its phrasings is said in them; the longest phrasing said
 * wins, as the most specific ("pay by card" over "pay").
 */
export function matchFaq(text: string, language: Language, faq: readonly CallFaqEntry[]): FaqMatch | undefined {
  const said = searchable(text, language);
  let best: FaqMatch | undefined;
  for (const entry of faq) {
    for (const phrasing of entry.phrasings) {
      const needle = searchable(phrasing, language);
      if (needle.trim() === '' || !said.includes(needle)) continue;
      if (!best || needle.length > searchable(best.phrasing, language).length) best = { entry, phrasing };
    }
  }
  return best;
}
