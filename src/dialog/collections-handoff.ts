import { isVerifiedState, type CallState } from './call-states';
import { PHRASES } from './collections-phrases';
import type { ScriptStep } from './dialog-script';
import type { EscalationReason } from './escalation';
import type { TurnContext } from './turn-context';
import { NO_ENTITIES, type Intent } from './turn-schema';
import type { Understanding } from './understanding';

/** What the collections agent says as it hands the caller to a person, by why it does. */

const SENSITIVE_HANDOFFS: Partial<Record<Intent, typeof PHRASES.handoff>> = {
  dispute: PHRASES.handoffDispute,
  lawyer: PHRASES.handoffLawyer,
  bankruptcy: PHRASES.handoffBankruptcy,
  hardship: PHRASES.handoffHardship,
};

const BY_REASON: Partial<Record<EscalationReason, typeof PHRASES.handoff>> = {
  'asked-for-human': PHRASES.handoff,
  'not-understood': PHRASES.handoffNotUnderstood,
  'no-progress': PHRASES.handoffNoProgress,
  complaint: PHRASES.handoffComplaint,
};

export function collectionsHandoff(ctx: TurnContext, heard: Understanding, reason: EscalationReason): ScriptStep<CallState> {
  // Before verification the hand-off must not say what the call is about, whatever was said.
  const sensitive = reason === 'sensitive-intent' && isVerifiedState(ctx.state) ? SENSITIVE_HANDOFFS[heard.intent] : undefined;
  const phrase = BY_REASON[reason] ?? sensitive ?? PHRASES.handoffCalmly;
  return { reply: phrase[ctx.language](), nextState: 'escalate', intent: reason === 'not-understood' ? 'unknown' : heard.intent, entities: NO_ENTITIES };
}
