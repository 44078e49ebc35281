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
    greet: 11, affirm: 44, deny: 29, 'identity-confirmed': 26, 'wrong-person': 21, inform: 40, 'pay-now': 35, 'promise-to-pay': 83,
    'plan-request': 64, 'callback-request': 28, dispute: 57, hardship: 35, lawyer: 10, bankruptcy: 10, human: 18, 'opt-out': 18,
    abuse: 10, question: 33, repeat: 39, complaint: 29, unknown: 11,
  },
  'zh-CN': {
    greet: 8, affirm: 31, deny: 20, 'identity-confirmed': 18, 'wrong-person': 14, inform: 25, 'pay-now': 21, 'promise-to-pay': 57,
    'plan-request': 43, 'callback-request': 19, dispute: 38, hardship: 22, lawyer: 6, bankruptcy: 5, human: 11, 'opt-out': 11,
    abuse: 7, question: 28, repeat: 27, complaint: 23, unknown: 8,
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
