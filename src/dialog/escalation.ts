import type { EscalationRules } from './turn-context';
import type { Understanding } from './understanding';

/**
 * 'no-progress': the agent would say the same thing a third time in the call (the caller holds to
 * terms it cannot accept). 'complaint': a harassment claim or a threat to complain, whatever the
 * campaign's list of sensitive intents says: a complaint about a collector is a person's to answer.
 */
export type EscalationReason = 'asked-for-human' | 'abusive' | 'complaint' | 'negative-sentiment' | 'sensitive-intent' | 'not-understood' | 'no-progress';

/**
 * When a person must take over, from the campaign's escalation rules; undefined to carry on.
 * A request for a person is honoured even on a shaky transcript: a needless transfer costs little,
 * ignoring a real request costs the caller's trust. Mood is judged only on a clear transcript.
 */
export function escalationReason(
  rules: EscalationRules,
  heard: Understanding,
  understood: boolean,
  consecutiveNotUnderstood: number,
): EscalationReason | undefined {
  if (heard.intent === 'human') return 'asked-for-human';
  const heardClearly = heard.asrConfidence >= rules.minConfidence;
  if (heardClearly && heard.abusive) return 'abusive';
  if (heardClearly && heard.intent === 'complaint') return 'complaint';
  if (heardClearly && heard.sentiment < rules.minSentiment) return 'negative-sentiment';
  if (understood && rules.alwaysHumanIntents.includes(heard.intent)) return 'sensitive-intent';
  if (!understood && consecutiveNotUnderstood + 1 >= rules.maxConsecutiveNotUnderstood) return 'not-understood';
  return undefined;
}
