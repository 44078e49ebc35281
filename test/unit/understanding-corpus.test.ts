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
    greet: 14, affirm: 51, deny: 35, 'identity-confirmed': 31, 'wrong-person': 27, inform: 48, 'pay-now': 43, 'promise-to-pay': 101,
    'plan-request': 77, 'callback-request': 34, dispute: 69, hardship: 42, lawyer: 12, bankruptcy: 12, human: 22, 'opt-out': 21,
    abuse: 12, question: 41, repeat: 45, complaint: 34, unknown: 14,
  },
  'zh-CN': {
    greet: 10, affirm: 36, deny: 25, 'identity-confirmed': 22, 'wrong-person': 19, inform: 31, 'pay-now': 26, 'promise-to-pay': 69,
    'plan-request': 53, 'callback-request': 24, dispute: 47, hardship: 28, lawyer: 8, bankruptcy: 6, human: 14, 'opt-out': 14,
    abuse: 9, question: 36, repeat: 32, complaint: 27, unknown: 10,
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
