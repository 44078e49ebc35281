import { newSid } from '../../ids';
import type { CallSession } from '../call-session';
import type { EnqueueVerb } from '../voice-verbs';
import { secondsInQueue, waitInQueue } from './queue-wait';
import { CONTINUE, type VerbOutcome, navigateTo } from './verb-outcome';

// How long a person waits in a queue nobody serves before giving up and hanging up.
const PATIENCE_SECONDS = 120;

/**
 * <Enqueue>: the caller waits (hearing the waitUrl's TwiML, if any) until the queue's agent
 * (configured like a <Dial> target, by queue name) picks up after its ring time and talks
 * (QueueResult=bridged), the wait TwiML says <Leave> (leave: the document goes on after the
 * Enqueue) or <Hangup>, or the person's patience runs out (hangup). The action gets the result;
 * after a hang-up it is requested all the same and its TwiML is not run, the call being over.
 */
export async function runEnqueue(session: CallSession, verb: EnqueueVerb, documentUrl: string | null): Promise<VerbOutcome> {
  const agent = session.context.agents.behaviourOf(verb.queue);
  const picksUp = agent.outcome === 'answer' && agent.ringSeconds <= PATIENCE_SECONDS;
  const enteredAt = session.elapsedSeconds;
  const place = { queueSid: newSid('QU'), enteredAt, endsAt: enteredAt + (picksUp ? agent.ringSeconds : PATIENCE_SECONDS) };
  const waited = await waitInQueue(session, verb, documentUrl, place);
  const result = waited === 'time-up' ? (picksUp ? 'bridged' : 'hangup') : waited;
  session.note({ kind: 'enqueue', queue: verb.queue, result });
  const params = { QueueResult: result, QueueSid: place.queueSid, QueueTime: String(secondsInQueue(session, place)) };
  if (result === 'bridged') await session.pass(agent.talkSeconds);
  if (result === 'hangup') {
    if (verb.action) await reportHangup(session, navigateTo(documentUrl, verb.action, verb.method, 'enqueue-action', { ...params, CallStatus: 'completed' }));
    return { next: 'hangup', by: waited === 'hangup' ? 'service' : 'person' };
  }
  if (!verb.action) return CONTINUE;
  return navigateTo(documentUrl, verb.action, verb.method, 'enqueue-action', params);
}

async function reportHangup(session: CallSession, action: VerbOutcome): Promise<void> {
  if (action.next === 'navigate') {
    await session.fetchTwiml(action.source);
  } else if (action.next === 'error') {
    session.context.log({ level: 'warn', code: action.code, message: `<Enqueue> action not requested: ${action.reason}`, callSid: session.sid });
  }
}
