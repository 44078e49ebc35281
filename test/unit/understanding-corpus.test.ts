import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../src/dialog/language';
import { INTENTS } from '../../src/dialog/turn-schema';
import { formatScore, hearAll, readCorpus, score } from '../support/understanding-corpus';

// The rule engine carries every call without an LLM and is the fallback with one: this corpus is
// its floor of quality, measured on every run (issue 14: 95% intent and entities, per language).

const corpus = readCorpus();

const MIN_ACCURACY = 0.95;

/** Utterances per intent: a change here is a change of the corpus, made on purpose. */
const EXPECTED_COUNTS = {
  en: {
    greet: 8, affirm: 34, deny: 20, 'identity-confirmed': 19, 'wrong-person': 16, inform: 29, 'pay-now': 26, 'promise-to-pay': 51,
    'plan-request': 38, 'callback-request': 19, dispute: 33, hardship: 26, lawyer: 8, bankruptcy: 8, human: 13, 'opt-out': 13,
    abuse: 8, question: 23, repeat: 21, complaint: 17, unknown: 8,
  },
  'zh-CN': {
    greet: 6, affirm: 22, deny: 15, 'identity-confirmed': 13, 'wrong-person': 11, inform: 18, 'pay-now': 16, 'promise-to-pay': 37,
    'plan-request': 24, 'callback-request': 14, dispute: 22, hardship: 16, lawyer: 5, bankruptcy: 4, human: 9, 'opt-out': 9,
    abuse: 6, question: 16, repeat: 15, complaint: 13, unknown: 6,
  },
};

const filesIn = (language: Language) => corpus.filter((file) => file.language === language);

describe('understanding of the labelled corpus', () => {
  it.each(LANGUAGES)('When the %s corpus is heard, then 95% or more of it is read right, intent and entities', (language) => {
    const result = score(language, filesIn(language).flatMap(hearAll));
    console.log(formatScore(result));
    expect(result.accuracy).toBeGreaterThanOrEqual(MIN_ACCURACY);
  });

  it('When the corpus is counted, then it has as many utterances per intent and language as labelled (it cannot shrink unnoticed)', () => {
    const counts = Object.fromEntries(
      LANGUAGES.map((language) => {
        const utterances = filesIn(language).flatMap((file) => file.utterances);
        return [language, Object.fromEntries(INTENTS.map((intent) => [intent, utterances.filter((u) => u.intent === intent).length]))];
      }),
    );
    expect(counts).toEqual(EXPECTED_COUNTS);
  });
});
