import { newSid } from '../../ids';
import type { CallSession } from '../call-session';
import type { EnqueueVerb } from '../voice-verbs';
import { CONTINUE, type VerbOutcome, navigateTo } from './verb-outcome';

// How long a person waits in a queue nobody serves before giving up and hanging up.
const PATIENCE_SECONDS = 120;

/**
 * <Enqueue>: the queue's agent (configured like a <Dial> target, by queue name) picks the person
 * up after its ring time and talks; the action then gets QueueResult=bridged. If no agent
 * answers, the person hangs up after waiting. Hold music (waitUrl) is not played.
 */
export async function runEnqueue(session: CallSession, verb: EnqueueVerb, documentUrl: string | null): Promise<VerbOutcome> {
  const agent = session.context.agents.behaviourOf(verb.queue);
  if (agent.outcome !== 'answer') {
    await session.pass(PATIENCE_SECONDS);
    session.note({ kind: 'enqueue', queue: verb.queue, result: 'hangup' });
    return { next: 'hangup', by: 'person' };
  }
  await session.pass(agent.ringSeconds);
  session.note({ kind: 'enqueue', queue: verb.queue, result: 'bridged' });
  await session.pass(agent.talkSeconds);
  if (!verb.action) return CONTINUE;
  return navigateTo(documentUrl, verb.action, verb.method, 'enqueue-action', {
    QueueResult: 'bridged',
    QueueSid: newSid('QU'),
    QueueTime: String(agent.ringSeconds),
  });
}
