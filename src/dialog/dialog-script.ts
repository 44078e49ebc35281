import { escalationReason, type EscalationReason } from './escalation';
import type { StateMachine } from './state-machine';
import type { EscalationRules, Utterance } from './turn-context';
import type { Entities, Intent } from './turn-schema';
import type { Understanding } from './understanding';

/**
 * The turn loop, independent of what the conversation is for. A script (collections now, a survey
 * later) brings its states and its words; the loop brings the order in which a caller's words are
 * weighed: stop requests, then escalation, then a frequently asked question, then "not understood",
 * then the script's own answer.
 */

/** What a script decides for one turn; the loop adds how the caller was heard. */
export interface ScriptStep<State extends string> {
  reply: string;
  nextState: State;
  intent: Intent;
  /** Terms the reply proposes or confirms; the caller's keypad digits are added by the loop. */
  entities: Entities;
  /** The campaign FAQ entry the reply answers. */
  faqId?: string;
}

/** The part of a turn context the loop itself reads. */
export interface ScriptTurnContext<State extends string> {
  state: State;
  utterance: Utterance;
  escalation: EscalationRules;
  consecutiveNotUnderstood: number;
  /** What the agent said in each earlier turn, and what it took the caller to want, oldest first. */
  history: ReadonlyArray<{ said: string; intent: Intent }>;
}

export interface DialogScript<State extends string, Ctx extends ScriptTurnContext<State>> {
  readonly machine: StateMachine<State>;
  /** False where the caller's words answer nothing (the pick-up "hello?"), so nothing can be misunderstood. */
  expectsAnswer(state: State): boolean;
  understand(ctx: Ctx): Understanding;
  /** A frequently asked question answered from the campaign's FAQ, the call staying where it was; undefined when none was asked. */
  answerFaq?(ctx: Ctx, heard: Understanding): ScriptStep<State> | undefined;
  /** The caller asked not to be called: end at once (12 CFR 1006.14(h); TCPA consent revocation). */
  optOut(ctx: Ctx, heard: Understanding): ScriptStep<State>;
  escalate(ctx: Ctx, heard: Understanding, reason: EscalationReason): ScriptStep<State>;
  reprompt(ctx: Ctx, heard: Understanding): ScriptStep<State>;
  respond(ctx: Ctx, heard: Understanding): ScriptStep<State>;
}

export interface ScriptDecision<State extends string> extends ScriptStep<State> {
  sentiment: number;
  confidence: number;
}

function chooseStep<State extends string, Ctx extends ScriptTurnContext<State>>(
  script: DialogScript<State, Ctx>,
  ctx: Ctx,
  heard: Understanding,
): ScriptStep<State> {
  if (heard.intent === 'opt-out') return script.optOut(ctx, heard);
  const faq = script.answerFaq?.(ctx, heard);
  const understood = faq !== undefined || !script.expectsAnswer(ctx.state) || heard.confidence >= ctx.escalation.minConfidence;
  const reason = escalationReason(ctx.escalation, heard, understood, ctx.consecutiveNotUnderstood);
  if (reason) return script.escalate(ctx, heard, reason);
  if (faq) return faq;
  if (!understood) return { ...script.reprompt(ctx, heard), intent: 'unknown' };
  return script.respond(ctx, heard);
}

export function scriptTurn<State extends string, Ctx extends ScriptTurnContext<State>>(
  script: DialogScript<State, Ctx>,
  ctx: Ctx,
): ScriptDecision<State> {
  if (script.machine.isTerminal(ctx.state)) throw new Error(`no turn can be taken in terminal state '${ctx.state}'`);
  const heard = script.understand(ctx);
  let step = chooseStep(script, ctx, heard);
  // Going round in circles (the same counter-offer to the same request, or two lines in turn): the
  // agent does not say the same thing a third time; a person can do more. Saying it again because
  // the caller asked to hear it is no circle.
  const saidBefore = ctx.history.filter((turn) => turn.said === step.reply && turn.intent !== 'repeat').length;
  if (step.intent !== 'repeat' && !script.machine.isTerminal(step.nextState) && saidBefore >= 2) {
    step = script.escalate(ctx, heard, 'no-progress');
  }
  // A script bug, not a caller's doing: fail loudly rather than speak from an impossible state.
  if (!script.machine.isTransitionAllowed(ctx.state, step.nextState)) {
    throw new Error(`script moved from '${ctx.state}' to '${step.nextState}', which its state machine does not allow`);
  }
  return {
    ...step,
    entities: { ...step.entities, digits: heard.entities.digits },
    sentiment: heard.sentiment,
    confidence: heard.confidence,
  };
}
