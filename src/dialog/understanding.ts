import { containsAbuse } from './abuse';
import { extractEntities, hasTerms, type EntityContext } from './entities';
import { detectIntent } from './intents';
import { scoreSentiment } from './sentiment';
import type { Utterance } from './turn-context';
import type { Entities, Intent } from './turn-schema';

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

export function understandUtterance(utterance: Utterance, context: EntityContext): Understanding {
  const detected = detectIntent(utterance);
  const entities = extractEntities(utterance, context);
  const informs = detected.intent === 'unknown' && hasTerms(entities);
  const intent = informs ? 'inform' : detected.intent;
  const intentConfidence = informs ? INFORM_CONFIDENCE : detected.confidence;
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
