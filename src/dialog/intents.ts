import { containsAbuse } from './abuse';
import type { LexiconRule } from './intent-lexicon';
import { ENGLISH_LEXICON } from './intent-lexicon-en';
import { CHINESE_LEXICON } from './intent-lexicon-zh';
import { isNegated } from './negation';
import { normalizeText } from './text-normalize';
import type { Intent } from './turn-schema';

export interface DetectedIntent {
  intent: Intent;
  /** How sure the pattern match is, 0..1; the caller's ASR confidence is combined later. */
  confidence: number;
}

interface IntentRule {
  intent: Intent;
  /** Patterns on normalized text; or a test of its own (abuse shares its lexicon with the policy check). */
  patterns: readonly RegExp[] | ((text: string) => boolean);
  /** A yes-type intent is cancelled by a negation earlier in the same clause ("I can't pay now"). */
  negatable?: true;
  confidence?: number;
}

/** The keypad menu offered when speech fails (see the reprompt phrases). */
export const DTMF_INTENTS: Readonly<Record<string, Intent>> = { '1': 'pay-now', '2': 'promise-to-pay', '3': 'plan-request', '0': 'human', '9': 'opt-out' };

/** Both languages' patterns for a rule: bilingual callers mix them. */
const words = (rule: LexiconRule): readonly RegExp[] => [...ENGLISH_LEXICON[rule], ...CHINESE_LEXICON[rule]];

/**
 * First match wins, so the order is a priority: requests with legal weight (a lawyer, a bankruptcy,
 * "stop calling", a complaint, a person) outrank everything; then what is wrong with the debt or the
 * caller's means; then what the caller offers to do; then the short answers. A plan request outranks
 * hardship, as the offer is what the call can act on ("I can't pay it all at once"); a sarcastic
 * refusal outranks the offer or the "call me later" it mimics ("sure, when I win the lottery").
 */
const INTENT_RULES: readonly IntentRule[] = [
  { intent: 'lawyer', patterns: words('lawyer') },
  { intent: 'bankruptcy', patterns: words('bankruptcy') },
  { intent: 'opt-out', patterns: words('optOut') },
  { intent: 'complaint', patterns: words('complaint') },
  { intent: 'human', patterns: words('human') },
  { intent: 'wrong-person', patterns: words('wrongPerson') },
  { intent: 'dispute', patterns: words('dispute') },
  { intent: 'abuse', patterns: containsAbuse },
  { intent: 'plan-request', patterns: words('notAllAtOnce') },
  { intent: 'plan-request', negatable: true, patterns: words('plan') },
  { intent: 'hardship', patterns: words('hardship') },
  { intent: 'deny', patterns: words('refusal') },
  { intent: 'repeat', patterns: words('repeat') },
  { intent: 'callback-request', patterns: words('callback') },
  { intent: 'question', confidence: 0.85, patterns: words('factQuestion') },
  { intent: 'pay-now', negatable: true, patterns: words('payNow') },
  { intent: 'question', confidence: 0.85, patterns: words('methodQuestion') },
  { intent: 'promise-to-pay', negatable: true, patterns: words('promise') },
  { intent: 'greet', patterns: words('greeting') },
  { intent: 'identity-confirmed', negatable: true, patterns: words('identity') },
  { intent: 'deny', patterns: words('deny') },
  { intent: 'affirm', negatable: true, patterns: words('affirm') },
  { intent: 'greet', patterns: words('greetOpening') },
  { intent: 'question', confidence: 0.85, patterns: words('question') },
];

function matches(rule: Pick<IntentRule, 'patterns' | 'negatable'>, text: string): boolean {
  if (typeof rule.patterns === 'function') return rule.patterns(text);
  return rule.patterns.some((pattern) => {
    const match = pattern.exec(text);
    return match !== null && !(rule.negatable && isNegated(text, match.index));
  });
}

/** Whether normalized `text` says `intent` by that intent's own rules, whatever else it says (surveys read yes and no this way). */
export function saysIntent(text: string, intent: Intent): boolean {
  return INTENT_RULES.some((rule) => rule.intent === intent && matches(rule, text));
}

const COMMITMENT = { patterns: words('commitment'), negatable: true } as const;

/** Whether the caller says they will pay, send or manage something, not negated: with a date, that is a promise. */
export function commitsToPay(text: string): boolean {
  return matches(COMMITMENT, normalizeText(text));
}

/** Keypad digits are exact: a menu digit is its intent, a longer entry is information (a year, a code). */
function intentFromDigits(digits: string): DetectedIntent {
  const menuIntent = DTMF_INTENTS[digits];
  if (menuIntent) return { intent: menuIntent, confidence: 1 };
  return digits.length > 1 ? { intent: 'inform', confidence: 1 } : { intent: 'unknown', confidence: 0 };
}

export function detectIntent(utterance: { text: string; digits?: string | undefined }): DetectedIntent {
  if (utterance.digits) return intentFromDigits(utterance.digits);
  const text = normalizeText(utterance.text);
  const matched = INTENT_RULES.filter((rule) => matches(rule, text));
  const [top] = matched;
  if (!top) return { intent: 'unknown', confidence: 0 };
  // "yes ... no" in one breath is not an answer.
  const contradictory = matched.some((r) => r.intent === 'affirm') && matched.some((r) => r.intent === 'deny');
  return { intent: top.intent, confidence: contradictory ? 0.6 : (top.confidence ?? 0.9) };
}
