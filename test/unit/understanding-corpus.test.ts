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
    greet: 9, affirm: 38, deny: 24, 'identity-confirmed': 22, 'wrong-person': 18, inform: 33, 'pay-now': 29, 'promise-to-pay': 59,
    'plan-request': 47, 'callback-request': 22, dispute: 41, hardship: 30, lawyer: 8, bankruptcy: 8, human: 15, 'opt-out': 15,
    abuse: 8, question: 26, repeat: 28, complaint: 22, unknown: 9,
  },
  'zh-CN': {
    greet: 6, affirm: 25, deny: 16, 'identity-confirmed': 15, 'wrong-person': 12, inform: 20, 'pay-now': 18, 'promise-to-pay': 41,
    'plan-request': 29, 'callback-request': 16, dispute: 27, hardship: 19, lawyer: 5, bankruptcy: 4, human: 10, 'opt-out': 10,
    abuse: 6, question: 21, repeat: 20, complaint: 16, unknown: 7,
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
