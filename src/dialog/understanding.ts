import { containsAbuse } from './abuse';
import { extractEntities, hasTerms, type EntityContext } from './entities';
import { localToday } from './calendar';
import { commitsToPay, detectIntent, type DetectedIntent } from './intents';
import { scoreSentiment } from './sentiment';
import { spokenDigitRuns } from './spoken-numbers';
import { normalizeText } from './text-normalize';
import type { Utterance } from './turn-context';
import { NO_ENTITIES, type Entities, type Intent } from './turn-schema';

/** One caller utterance read every way the turn needs it. */
export interface Understanding {
  intent: Intent;
  /**
   * The weaker of the ASR confidence and the intent confidence: a perfect transcript of an unclear
   * answer and a clear answer on a bad transcript are both doubtful. Keypad input is certain.
   */
  confidence: number;
  asrConfidence: number;
  entities: Entities;
  sentiment: number;
  abusive: boolean;
}

/** How sure a date, an amount or a count is when no keyword said what it was for. */
const INFORM_CONFIDENCE = 0.9;

/**
 * Intents a date said with an offer to pay outweighs: "yes, I can do fifty on Friday" is a promise,
 * and so is "I don't have it today, but I can pay tomorrow", or "no, not Friday, but Monday I can":
 * the offer is what the call acts on.
 */
const WEAKER_THAN_TERMS: ReadonlySet<Intent> = new Set(['unknown', 'affirm', 'deny', 'hardship']);

/**
 * Intents a person answers or that end the call: no terms are agreed in them, so a date or an amount
 * said along ("you've called six times today") is no term (the hand-off drops them too).
 */
const WITHOUT_TERMS: ReadonlySet<Intent> = new Set(['lawyer', 'bankruptcy', 'opt-out', 'complaint', 'human', 'wrong-person', 'abuse']);

/**
 * What the terms said make of the words: "I can do fifty on Friday" promises to pay on Friday (today
 * is paying now); a date, an amount, a count or a code (a ZIP, a year) with nothing to say what it
 * is for informs.
 */
/** Words of payments that repeat or split the rest off: with them, a sum and a date start a plan. */
const SPLIT = /\b(?:a|per|each|every) (?:month|week|fortnight)\b|\b(?:monthly|weekly|instal?ments?|plan)\b|\bthe (?:rest|remainder|other half)\b|\bwhat's left\b|每(?:个)?月|每周|分期|月供|剩下|其余|余下/;

/**
 * "I can't pay it all now, but I can pay $200 on the 15th": one sum on one date is a part payment
 * promised, not a plan asked for, unless it is said to repeat or to leave the rest for later.
 */
function isPartPaymentOnADate(detected: DetectedIntent, text: string, entities: Entities): boolean {
  return detected.intent === 'plan-request' && entities.instalments === null && entities.amountMinor !== null && !SPLIT.test(text.toLowerCase());
}

function withTerms(detected: DetectedIntent, text: string, entities: Entities, context: EntityContext): DetectedIntent {
  const weaker = WEAKER_THAN_TERMS.has(detected.intent) || isPartPaymentOnADate(detected, text, entities);
  const today = localToday(context.now, context.timeZone);
  if (weaker && entities.date !== null && commitsToPay(text)) {
    return { intent: entities.date === today ? 'pay-now' : 'promise-to-pay', confidence: INFORM_CONFIDENCE };
  }
  // "Right away" once a later day comes ("发了马上还，应该是下周一") pays on that day: a promise.
  if (detected.intent === 'pay-now' && entities.date !== null && entities.date > today) return { ...detected, intent: 'promise-to-pay' };
  const saysCode = spokenDigitRuns(normalizeText(text)).some((run) => run.length >= 2);
  if (detected.intent === 'unknown' && (hasTerms(entities) || saysCode)) return { intent: 'inform', confidence: INFORM_CONFIDENCE };
  return detected;
}

export function understandUtterance(utterance: Utterance, context: EntityContext): Understanding {
  const said = extractEntities(utterance, context);
  const { intent, confidence: intentConfidence } = withTerms(detectIntent(utterance), utterance.text, said, context);
  const entities = WITHOUT_TERMS.has(intent) ? { ...NO_ENTITIES, digits: said.digits } : said;
  const asrConfidence = utterance.digits ? 1 : utterance.asrConfidence;
  return {
    intent,
    confidence: Math.min(asrConfidence, intentConfidence),
    asrConfidence,
    entities,
    sentiment: scoreSentiment(utterance.text),
    abusive: containsAbuse(utterance.text),
  };
}
