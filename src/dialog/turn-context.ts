import type { HistoryTurn, TurnContext, Utterance } from './turn-context-schema';
import type { TurnDecision } from './turn-schema';

export type { EscalationRules, HistoryTurn, TurnContext, TurnContextInput, Utterance } from './turn-context-schema';

export { CONSEQUENCES, STRATEGIES, type Consequence, type Strategy } from './turn-vocabulary';

/** The disclosure this call owes: the mini-Miranda on the initial communication, "from a debt collector" after. */
export function requiredDisclosure(ctx: Pick<TurnContext, 'disclosure' | 'initialCommunication'>): string {
  return ctx.initialCommunication ? ctx.disclosure.initial : ctx.disclosure.subsequent;
}

/**
 * The context for the next turn, once `decision` has been spoken and the caller answered `utterance`.
 * A decision with intent 'unknown' is a turn not understood; any other resets the count.
 */
export function nextTurnContext(ctx: TurnContext, decision: TurnDecision, utterance: Utterance, now: number): TurnContext {
  const turn: HistoryTurn = {
    state: ctx.state,
    heard: ctx.utterance.text,
    said: decision.reply,
    intent: decision.intent,
    entities: decision.entities,
    nextState: decision.nextState,
    ...(decision.faqId ? { faqId: decision.faqId } : {}),
  };
  return {
    ...ctx,
    state: decision.nextState,
    history: [...ctx.history, turn],
    utterance,
    now,
    consecutiveNotUnderstood: decision.intent === 'unknown' ? ctx.consecutiveNotUnderstood + 1 : 0,
  };
}
