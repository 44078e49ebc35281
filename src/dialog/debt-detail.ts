import { minorUnitDigits } from './entities';
import { findNumbers } from './spoken-numbers';
import { blankOut, containsPhrase, normalizeText } from './text-normalize';
import type { TurnContext } from './turn-context';

/**
 * Words, names and numbers that would tell whoever is listening that there is a debt and whose:
 * forbidden before right-party verification and to a third party (12 CFR 1006.6(d)).
 */
const DEBT_WORDS: readonly RegExp[] = [
  /\b(?:debts?|owe[sd]?|owing|balance|collect\w*|past due|overdue|outstanding|delinquen\w*|arrears|payments?|instal{1,2}ments?|account)\b/,
  /欠|债|还款|余额|催收|逾期|账单|账户|分期|付款|缴费/,
];

function mentionsAmountDue(text: string, ctx: Pick<TurnContext, 'account' | 'collector'>): boolean {
  const amountDue = ctx.account.amountDueMinor / 10 ** minorUnitDigits(ctx.account.currency);
  // The callback number's digit groups ("555-0100") are not the balance.
  const withoutPhone = blankOut(text, [normalizeText(ctx.collector.callbackNumber)]);
  return findNumbers(withoutPhone).some((mention) => Math.abs(mention.value - amountDue) < 1e-9);
}

export function mentionsDebtDetail(reply: string, ctx: Pick<TurnContext, 'account' | 'collector'>): boolean {
  const text = normalizeText(reply);
  return (
    DEBT_WORDS.some((pattern) => pattern.test(text)) ||
    containsPhrase(text, ctx.account.creditorName) ||
    containsPhrase(text, ctx.collector.companyName) ||
    mentionsAmountDue(text, ctx)
  );
}
