import type { CallState } from './call-states';
import { ENGLISH_NUMBER_WORDS } from './spoken-numbers';
import type { TurnContext } from './turn-context';

/**
 * Words and phrases a caller is likely to say next, for a recogniser that takes hints (like
 * Gather's `hints`): the offline one confines itself to them, OpenAI's is biased towards them.
 * English only; the Chinese script is left to the recogniser's own model.
 */

const ANYWHERE = [
  'yes', 'yeah', 'no', 'okay', 'sure', 'please', 'thank you', 'thanks', 'goodbye', 'sorry', 'what', 'who is this',
  'stop calling me', "don't call", 'wrong number', 'not me', 'speak to a person', 'agent', 'human', 'lawyer', 'attorney', 'bankruptcy',
  'call me back', 'later', 'not now', 'busy',
];

const PAYMENT_WORDS = [
  'pay', 'pay now', 'today', 'tomorrow', 'next week', 'next month', 'the link', 'send', 'text me', 'i can', "i can't", 'promise',
  'plan', 'installments', 'payments', 'month', 'dollars', 'cents', 'and', 'on the', 'by', 'first', 'second', 'third', 'fifteenth',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'dispute', 'not my debt', 'already paid',
  'lost my job', 'hardship', ...ENGLISH_NUMBER_WORDS,
];

const BY_STATE: Partial<Record<CallState, readonly string[]>> = {
  'verify-identity': ['speaking', 'this is', "that's me", 'i am', 'born', 'year', ...ENGLISH_NUMBER_WORDS],
  disclosure: ['go ahead', 'fine', 'good time'],
  'purpose-and-balance': PAYMENT_WORDS,
  'handle-answer': PAYMENT_WORDS,
  recap: ["that's right", 'correct', 'change', ...PAYMENT_WORDS],
  close: ["that's all", 'nothing else', 'done', 'i paid', 'paid it', 'one more thing', 'question'],
};

export function listeningHints(ctx: Pick<TurnContext, 'state' | 'language' | 'debtor'>): string[] {
  if (ctx.language !== 'en') return [];
  const names = ctx.state === 'greeting' || ctx.state === 'verify-identity' ? [ctx.debtor.firstName, ctx.debtor.fullName] : [];
  return [...new Set([...ANYWHERE, ...(BY_STATE[ctx.state] ?? []), ...names])];
}
