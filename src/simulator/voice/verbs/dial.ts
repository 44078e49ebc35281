import { newSid } from '../../ids';
import type { DialAgentBehaviour } from '../../options';
import { isE164 } from '../../phone-numbers';
import type { DialOutcome } from '../../records';
import type { CallSession } from '../call-session';
import type { DialTarget, DialVerb } from '../voice-verbs';
import { runWhisper } from './dial-whisper';
import { CONTINUE, type VerbOutcome, navigateTo } from './verb-outcome';

// A busy signal or a failed leg is known after a couple of seconds.
const QUICK_FAILURE_SECONDS = 2;

/**
 * <Dial>: rings every target at once (as Twilio does); the first agent to answer talks with the
 * person, then hangs up. The action gets DialCallStatus; without one the document goes on.
 */
export async function runDial(session: CallSession, verb: DialVerb, documentUrl: string | null): Promise<VerbOutcome> {
  const legs = verb.targets.map((target) => ({ target, behaviour: legBehaviour(session, target) }));
  const answering = legs
    .filter((leg) => leg.behaviour.outcome === 'answer' && leg.behaviour.ringSeconds <= verb.timeoutSeconds)
    .sort((a, b) => a.behaviour.ringSeconds - b.behaviour.ringSeconds)[0];
  const dialCallSid = newSid('CA');
  let status: DialOutcome;
  let talkSeconds = 0;
  if (answering) {
    talkSeconds = Math.min(answering.behaviour.talkSeconds, verb.timeLimitSeconds);
    await session.pass(answering.behaviour.ringSeconds);
    if (answering.target.url !== null) await runWhisper(session, answering.target, answering.target.url, dialCallSid, documentUrl);
    session.note({ kind: 'dial', target: answering.target.value, outcome: 'completed', talkSeconds });
    await session.pass(talkSeconds);
    status = 'completed';
  } else {
    status = failureOutcome(legs.map((leg) => leg.behaviour.outcome));
    await session.pass(status === 'no-answer' ? verb.timeoutSeconds : QUICK_FAILURE_SECONDS);
    session.note({ kind: 'dial', target: verb.targets.map((t) => t.value).join(', '), outcome: status, talkSeconds: 0 });
  }
  if (!verb.action) return CONTINUE;
  return navigateTo(documentUrl, verb.action, verb.method, 'dial-action', {
    DialCallSid: dialCallSid,
    DialCallStatus: status,
    DialCallDuration: String(talkSeconds),
  });
}

/** A <Number> Twilio cannot call fails the leg (13224); other targets behave as configured. */
function legBehaviour(session: CallSession, target: DialTarget): DialAgentBehaviour {
  const behaviour = session.context.agents.behaviourOf(target.value);
  if (target.noun === 'Number' && !isE164(target.value)) {
    session.context.log({
      level: 'warn',
      code: 13224,
      message: `Dial: Twilio does not support calling this number or the number is invalid: ${target.value}`,
      callSid: session.sid,
    });
    return { ...behaviour, outcome: 'fail' };
  }
  return behaviour;
}

/** With no leg answering, Twilio reports the most telling failure. */
function failureOutcome(outcomes: DialAgentBehaviour['outcome'][]): DialOutcome {
  if (outcomes.includes('busy')) return 'busy';
  if (outcomes.includes('no-answer') || outcomes.includes('answer')) return 'no-answer';
  return 'failed';
}
