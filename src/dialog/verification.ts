import { findNumbers, parseEnglishNumber, spokenDigitString } from './spoken-numbers';
import { containsPhrase, normalizeText } from './text-normalize';
import type { HistoryTurn, TurnContext, Utterance } from './turn-context';
import type { Intent } from './turn-schema';

/**
 * Right-party verification: nothing about the debt until the person on the line is the debtor
 * (third-party disclosure is prohibited, 12 CFR 1006.6(d)). The name is confirmed first; then, when
 * the campaign has one, a second answer only the debtor knows.
 */
export type VerificationFactor = { kind: 'birth-year' | 'postal-code'; answer: string };

export function verificationFactor(debtor: TurnContext['debtor']): VerificationFactor | undefined {
  if (debtor.birthYear !== undefined) return { kind: 'birth-year', answer: String(debtor.birthYear) };
  if (debtor.postalCode !== undefined) return { kind: 'postal-code', answer: debtor.postalCode };
  return undefined;
}

const NAME_CONFIRMING_INTENTS: ReadonlySet<Intent> = new Set(['affirm', 'identity-confirmed']);

/** "nineteen eighty-five", "twenty oh five": years said in two halves. */
function englishYear(text: string): string | undefined {
  const match = /\b(nineteen|twenty)[\s-]+((?:oh[\s-]+)?[a-z]+(?:[\s-][a-z]+)?)\b/.exec(text);
  if (!match) return undefined;
  const rest = parseEnglishNumber((match[2] ?? '').replace(/^oh[\s-]+/, ''));
  return rest !== undefined && rest < 100 ? String((match[1] === 'nineteen' ? 1900 : 2000) + rest) : undefined;
}

export function answersFactor(factor: VerificationFactor, utterance: Pick<Utterance, 'text' | 'digits'>): boolean {
  const text = normalizeText(utterance.text);
  const candidates = [
    utterance.digits,
    spokenDigitString(text),
    englishYear(text),
    ...findNumbers(text).map((mention) => String(mention.value)),
  ];
  return candidates.includes(factor.answer) || (factor.kind === 'postal-code' && containsPhrase(text, factor.answer));
}

export function nameConfirmedEarlier(history: readonly HistoryTurn[]): boolean {
  return history.some((turn) => turn.state === 'verify-identity' && NAME_CONFIRMING_INTENTS.has(turn.intent));
}

/** Whether the caller's words in this turn complete verification, read as `intent`. */
export function completesVerification(ctx: Pick<TurnContext, 'state' | 'debtor' | 'history' | 'utterance'>, intent: Intent): boolean {
  if (ctx.state !== 'verify-identity') return false;
  const nameConfirmed = nameConfirmedEarlier(ctx.history) || NAME_CONFIRMING_INTENTS.has(intent);
  const factor = verificationFactor(ctx.debtor);
  return nameConfirmed && (factor === undefined || answersFactor(factor, ctx.utterance));
}
