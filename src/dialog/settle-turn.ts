import { ruleEngineTurn } from './rule-engine';
import type { TurnContext } from './turn-context';
import { checkTurnPolicy } from './turn-policy';
import { turnDecisionSchema } from './turn-decision-schema';
import type { TurnDecision } from './turn-schema';

export interface SettledTurn {
  decision: TurnDecision;
  /** The LLM's candidate was spoken (it passed the schema and the turn policy). */
  candidateAccepted: boolean;
  /** Why the candidate was refused; empty when it was accepted or there was none. */
  violations: string[];
}

/**
 * What the caller hears this turn: the LLM's candidate when there is one and the turn policy allows
 * it, otherwise the rule engine's answer (refused answers are never spoken).
 */
export function settleTurn(ctx: TurnContext, candidate?: unknown): SettledTurn {
  if (candidate === undefined) return { decision: ruleEngineTurn(ctx), candidateAccepted: false, violations: [] };
  const policy = checkTurnPolicy(ctx, candidate);
  if (policy.ok) {
    // The keys are what the caller pressed, not what the model says they pressed: verification reads them from history.
    const decision = turnDecisionSchema.parse(candidate);
    return { decision: { ...decision, entities: { ...decision.entities, digits: ctx.utterance.digits ?? null } }, candidateAccepted: true, violations: [] };
  }
  return { decision: ruleEngineTurn(ctx), candidateAccepted: false, violations: policy.violations };
}
