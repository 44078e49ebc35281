import { z } from 'zod';
import { speaksOfTheDebt } from './debt-words';
import { repeatedIds, type FieldError } from './document-validation';
import { languageTag, nonEmptyText, slug } from './schema-fields';

// A campaign's frequently asked questions, answered by the rule engine without the LLM
// (src/dialog/faq.ts). The phrasings are what a caller says ("who is this", "哪位"); a caller's
// words match an entry when they contain one of its phrasings, punctuation and spacing aside.

const phrasings = z.array(nonEmptyText).min(1, 'needs at least one phrasing');

export const faqEntrySchema = z.strictObject({
  id: slug,
  /** Per campaign language, the phrasings or keywords that ask this question. */
  questions: z.record(languageTag, phrasings),
  /** Per campaign language, the answer as the agent speaks it. */
  answer: z.record(languageTag, nonEmptyText),
  /**
   * The answer says something about the debt (what it is for, how to pay it): given only once the
   * person is verified (12 CFR 1006.6(d): no disclosure to a third party).
   */
  afterVerification: z.boolean().default(true),
});

export const faqSchema = z.array(faqEntrySchema).default([]);

export type FaqEntry = z.output<typeof faqEntrySchema>;

/** Every entry asks and answers in every campaign language; ids are unique; an answer given to anyone says nothing of the debt. */
export function faqFitsTheLanguages(faq: readonly FaqEntry[], languages: readonly string[]): FieldError[] {
  const missingTexts = faq.flatMap((entry, index) => {
    const path = `faq.${index}`;
    const missing = (section: 'questions' | 'answer') =>
      languages
        .filter((language) => entry[section][language] === undefined)
        .map((language) => ({ path: `${path}.${section}.${language}`, message: `is missing: the campaign speaks ${language}, so every FAQ entry needs its ${section === 'answer' ? 'answer' : 'phrasings'} in it` }));
    return [...missing('questions'), ...missing('answer')];
  });
  const tellsAnyone = faq.flatMap((entry, index) =>
    entry.afterVerification
      ? []
      : Object.entries(entry.answer)
          .filter(([language, answer]) => speaksOfTheDebt(answer, language))
          .map(([language]) => ({
            path: `faq.${index}.answer.${language}`,
            message: 'speaks of the debt, but is given before the person is verified (afterVerification: false); a third party may hear it (12 CFR 1006.6(d))',
          })),
  );
  return [...repeatedIds(faq, 'faq', 'FAQ entry'), ...missingTexts, ...tellsAnyone];
}
