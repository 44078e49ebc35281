import { callStateMachine } from '../../../src/dialog/call-states';
import { ruleEngineTurn } from '../../../src/dialog/rule-engine';
import { nextTurnContext, type HistoryTurn, type TurnContext, type Utterance } from '../../../src/dialog/turn-context';
import { checkTurnPolicy } from '../../../src/dialog/turn-policy';
import { turnDecisionSchema } from '../../../src/dialog/turn-decision-schema';
import type { TurnDecision } from '../../../src/dialog/turn-schema';

export type CallerLine = string | Partial<Utterance>;

export interface Conversation {
  decisions: TurnDecision[];
  /** Every turn, including the last, as the workflow would have recorded it. */
  history: HistoryTurn[];
  replies: string[];
  final: TurnDecision;
}

const CLEAR_SPEECH = 0.95;

function toUtterance(line: CallerLine): Utterance {
  return typeof line === 'string' ? { text: line, asrConfidence: CLEAR_SPEECH } : { text: '', asrConfidence: CLEAR_SPEECH, ...line };
}

/**
 * Drives ruleEngineTurn through a call, one caller line per turn, as the workflow's turn loop would.
 * Every decision must parse against the turn schema and pass the turn policy: the rule engine is held
 * to the same gate as the LLM. The lines must end exactly when the call does.
 */
export function runConversation(start: TurnContext, lines: readonly CallerLine[]): Conversation {
  const [first, ...rest] = lines;
  if (first === undefined) throw new Error('a conversation needs at least one caller line');
  let ctx: TurnContext = { ...start, utterance: toUtterance(first) };
  const decisions: TurnDecision[] = [];
  for (let index = 0; ; index += 1) {
    // The FAQ mark is the rule engine's own, beside the fields the LLM's schema holds both engines to.
    const { faqId, ...checked } = ruleEngineTurn(ctx);
    const decision: TurnDecision = { ...turnDecisionSchema.parse(checked), ...(faqId ? { faqId } : {}) };
    const policy = checkTurnPolicy(ctx, checked);
    if (!policy.ok) throw new Error(`turn ${index} (${ctx.state} -> ${decision.nextState}) broke policy: ${policy.violations.join(', ')}: "${decision.reply}"`);
    decisions.push(decision);
    const next = rest[index];
    if (callStateMachine.isTerminal(decision.nextState)) {
      if (next !== undefined) throw new Error(`call ended at turn ${index} with caller lines left: "${decision.reply}"`);
      const { history } = nextTurnContext(ctx, decision, toUtterance(''), ctx.now);
      return { decisions, history, replies: decisions.map((d) => d.reply), final: decision };
    }
    if (next === undefined) throw new Error(`caller lines ran out in state ${decision.nextState}: "${decision.reply}"`);
    ctx = nextTurnContext(ctx, decision, toUtterance(next), ctx.now);
  }
}
