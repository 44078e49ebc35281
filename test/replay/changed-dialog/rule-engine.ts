import type { TurnContext } from '../../../src/dialog/turn-context';
import { NO_ENTITIES, type TurnDecision } from '../../../src/dialog/turn-schema';

// Stands in for a later release of the rule engine that decides every turn differently (it ends
// the call at once), for dialog-change.test.ts.
export function ruleEngineTurn(_ctx: TurnContext): TurnDecision {
  return { reply: 'Goodbye.', intent: 'unknown', entities: NO_ENTITIES, sentiment: 0, confidence: 1, nextState: 'ended' };
}
