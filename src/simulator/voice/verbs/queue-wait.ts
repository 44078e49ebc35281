import type { CallSession } from '../call-session';
import type { EnqueueVerb } from '../voice-verbs';
import { runPrompt } from './prompts';

/** How a caller's time in a queue ended: the wait TwiML said <Leave> or <Hangup>, or the time ran out. */
export type QueueWaitEnd = 'leave' | 'hangup' | 'time-up';

export interface QueuePlace {
  queueSid: string;
  /** Call time (seconds) the caller joined the queue. */
  enteredAt: number;
  /** Call time (seconds) the wait ends unless the TwiML ends it first: an agent picks up, or the caller gives up. */
  endsAt: number;
}

/**
 * <Enqueue waitUrl>: Twilio requests the waitUrl (signed, with QueueSid, QueueTime, QueuePosition,
 * CurrentQueueSize, AvgQueueTime) and runs its TwiML to the caller, then requests it again, until
 * the caller leaves the queue. <Say>, <Play> and <Pause> are heard and cut short when an agent picks
 * up; <Leave> and <Hangup> end the wait. Other verbs Twilio allows there (<Gather>, <Redirect>) are
 * not run: they are skipped with a warning. Without a waitUrl, or once it fails, the caller waits
 * in silence (Twilio plays its default hold music).
 */
export async function waitInQueue(session: CallSession, verb: EnqueueVerb, documentUrl: string | null, place: QueuePlace): Promise<QueueWaitEnd> {
  const waitUrl = verb.waitUrl === null ? null : resolve(session, verb.waitUrl, documentUrl);
  while (waitUrl !== null && session.elapsedSeconds < place.endsAt) {
    const queueTime = String(secondsInQueue(session, place));
    const fetched = await session.fetchTwiml({
      kind: 'url',
      url: waitUrl,
      method: verb.waitUrlMethod,
      purpose: 'enqueue-wait',
      // The simulator's queues hold one caller at a time, so the average wait is this caller's.
      params: { QueueSid: place.queueSid, QueueTime: queueTime, QueuePosition: '1', CurrentQueueSize: '1', AvgQueueTime: queueTime },
    });
    if (!fetched.ok) {
      warn(session, fetched.code, `<Enqueue> waitUrl failed, waiting without it: ${fetched.reason}`);
      break;
    }
    const startedAt = session.elapsedSeconds;
    for (const wait of fetched.verbs) {
      if (wait.verb === 'Leave' || wait.verb === 'Hangup') return wait.verb === 'Leave' ? 'leave' : 'hangup';
      if (wait.verb === 'Say' || wait.verb === 'Play' || wait.verb === 'Pause') {
        if (!(await runPrompt(session, wait, place.endsAt))) return 'time-up';
      } else {
        warn(session, 12200, `<${wait.verb}> in an <Enqueue> waitUrl is not run by the Twilio simulator`);
      }
    }
    // Requested again at once, a document that takes no time would spin: the rest of the wait is silent.
    if (session.elapsedSeconds === startedAt) {
      warn(session, 12200, '<Enqueue> waitUrl TwiML takes no time; waiting without it');
      break;
    }
  }
  await session.pass(Math.max(0, place.endsAt - session.elapsedSeconds));
  return 'time-up';
}

/** QueueTime: whole seconds since the caller joined the queue. */
export function secondsInQueue(session: CallSession, place: QueuePlace): number {
  return Math.round(session.elapsedSeconds - place.enteredAt);
}

function resolve(session: CallSession, waitUrl: string, documentUrl: string | null): string | null {
  try {
    return new URL(waitUrl, documentUrl ?? undefined).toString();
  } catch {
    warn(session, 11100, `Invalid URL "${waitUrl}" for the <Enqueue> waitUrl`);
    return null;
  }
}

function warn(session: CallSession, code: number, message: string): void {
  session.context.log({ level: 'warn', code, message, callSid: session.sid });
}
