import { CallInterrupted, type CallSession } from './call-session';
import type { TwimlSource } from './twiml-source';
import { runTwiml } from './twiml-interpreter';

/**
 * Runs a call's `steps`; whatever happens, the call gets a final status and settles. A hang-up
 * through the REST API, the time limit or the simulator closing ends it where it stands.
 */
export async function runCall(session: CallSession, steps: () => Promise<void>): Promise<void> {
  try {
    await steps();
  } catch (error) {
    const interruption = session.interruption(error);
    if (!(interruption instanceof CallInterrupted) || interruption.why === 'redirect') throw error;
    const answered = session.isAnswered();
    if (!answered) session.note({ kind: 'hangup', by: interruption.why === 'closed' ? 'simulator-closed' : 'api' });
    session.finish(answered ? 'completed' : 'canceled');
  } finally {
    await session.settle();
  }
}

/** Runs the answered call's TwiML to its end and records the final status. */
export async function runAnsweredCall(session: CallSession, first: TwimlSource): Promise<void> {
  const ending = await runTwiml(session, session.startTwiml(first));
  session.finish('completed', ending.errorCode);
}
