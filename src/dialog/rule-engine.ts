import { collectionsScript } from './collections-script';
import { scriptTurn } from './dialog-script';
import type { TurnContext } from './turn-context';
import type { TurnDecision } from './turn-schema';

/**
 * One turn of a collections call without an LLM: used when none is configured, and as the fallback
 * when the LLM fails or its turn is rejected by the turn policy. Pure and deterministic, so it can
 * run inside workflow code.
 */
export function ruleEngineTurn(ctx: TurnContext): TurnDecision {
  return scriptTurn(collectionsScript, ctx);
}
