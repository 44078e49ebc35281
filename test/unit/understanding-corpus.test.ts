import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../src/dialog/language';
import { INTENTS } from '../../src/dialog/turn-schema';
import { formatScore, hearAll, readCorpus, score } from '../support/understanding-corpus';

// The rule engine carries every call without an LLM and is the fallback with one: this corpus is
// its floor of quality, measured on every run (issue 14: 95% intent and entities, per language).

const corpus = readCorpus();

const MIN_ACCURACY = 0.95;

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
    console.log(JSON.stringify(counts));
    expect(counts).toEqual({});
  });
});
