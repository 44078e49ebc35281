// Words that tell whoever hears them that a call is about a debt. Before the person is verified a
// call may be heard by someone else, and 12 CFR 1006.6(d) forbids telling a third party about the
// debt: wording said before verification (an experiment's greeting, an FAQ answer given to anyone)
// is refused at validation when it has one of them.

const debtWords: Record<string, RegExp> = {
  en: /\b(?:debts?|owe[sd]?|owing|collect(?:ion|ions|or|ing)?|balance|overdue|past due|payments?)\b/i,
  'zh-CN': /债|欠|催收|还款|逾期|账单/,
};

/** Whether `text`, in `language`, speaks of a debt (false for a language with no word list). */
export function speaksOfTheDebt(text: string, language: string): boolean {
  return debtWords[language]?.test(text) ?? false;
}
