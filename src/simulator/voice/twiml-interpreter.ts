import type { HangupCause } from '../records';
import { CallInterrupted, type CallSession } from './call-session';
import type { TwimlSource } from './twiml-source';
import { runDial } from './verbs/dial';
import { runEnqueue } from './verbs/enqueue';
import { runGather } from './verbs/gather';
import { runPrompt } from './verbs/prompts';
import { runRecord } from './verbs/record';
import { CONTINUE, type VerbOutcome, navigateTo } from './verbs/verb-outcome';
import type { VoiceVerb } from './voice-verbs';

// A service that redirects forever would keep a call alive forever; Twilio ends such calls too.
const MAX_DOCUMENTS_PER_CALL = 200;

/** How an answered call ended: who hung up, and the Twilio error code if it was an application error. */
export interface CallEnding {
  by: HangupCause;
  errorCode: number | null;
}

/**
 * Runs an answered call's TwiML from `first` until the call ends: verb by verb, following actions
 * and redirects (including redirects from the REST API), hanging up when a document runs out.
 */
export async function runTwiml(session: CallSession, first: TwimlSource): Promise<CallEnding> {
  let source = first;
  for (let documents = 0; documents < MAX_DOCUMENTS_PER_CALL; documents++) {
    let outcome: VerbOutcome;
    try {
      outcome = await runDocument(session, source);
    } catch (error) {
      const interruption = session.interruption(error);
      if (!(interruption instanceof CallInterrupted)) throw error;
      if (interruption.why !== 'redirect') {
        const by = HANGUP_BY_INTERRUPTION[interruption.why];
        session.note({ kind: 'hangup', by });
        return { by, errorCode: null };
      }
      source = session.takeRedirect();
      continue;
    }
    switch (outcome.next) {
      case 'navigate':
        source = outcome.source;
        break;
      case 'hangup':
        session.note({ kind: 'hangup', by: outcome.by });
        return { by: outcome.by, errorCode: null };
      case 'error':
        return applicationError(session, outcome.code, outcome.reason);
      case 'continue':
        session.note({ kind: 'hangup', by: 'end-of-document' });
        return { by: 'end-of-document', errorCode: null };
    }
  }
  return applicationError(session, 11200, `more than ${MAX_DOCUMENTS_PER_CALL} TwiML documents in one call`);
}

const HANGUP_BY_INTERRUPTION = { ended: 'api', 'time-limit': 'time-limit', closed: 'simulator-closed' } as const;

/** Runs one document; 'continue' means it ran out of verbs. */
async function runDocument(session: CallSession, source: TwimlSource): Promise<VerbOutcome> {
  const fetched = await session.fetchTwiml(source);
  if (!fetched.ok) return { next: 'error', code: fetched.code, reason: fetched.reason };
  for (const verb of fetched.verbs) {
    if (session.callee.wantsToHangUp) return { next: 'hangup', by: 'person' };
    const outcome = await runVerb(session, verb, fetched.documentUrl);
    if (outcome.next !== 'continue') return outcome;
  }
  return CONTINUE;
}

function runVerb(session: CallSession, verb: VoiceVerb, documentUrl: string | null): Promise<VerbOutcome> | VerbOutcome {
  switch (verb.verb) {
    case 'Say':
    case 'Play':
    case 'Pause':
      return runPrompt(session, verb).then(() => CONTINUE);
    case 'Gather':
      return runGather(session, verb, documentUrl);
    case 'Redirect':
      return navigateTo(documentUrl, verb.url, verb.method, 'redirect');
    case 'Dial':
      return runDial(session, verb, documentUrl);
    case 'Enqueue':
      return runEnqueue(session, verb, documentUrl);
    case 'Leave':
      // <Leave> belongs in an <Enqueue>'s wait TwiML; a call in no queue has nothing to leave.
      session.context.log({ level: 'warn', message: '<Leave> outside a queue is skipped', callSid: session.sid });
      return CONTINUE;
    case 'Record':
      return runRecord(session, verb, documentUrl);
    case 'Hangup':
      return { next: 'hangup', by: 'service' };
    case 'Reject':
      // An outbound call is already answered when its TwiML runs: <Reject> can only hang up.
      session.context.log({ level: 'warn', message: '<Reject> on an answered call hangs up', callSid: session.sid });
      return { next: 'hangup', by: 'service' };
  }
}

/** Twilio's outcome for TwiML it cannot fetch or run: an application error ends the call. */
function applicationError(session: CallSession, code: number, reason: string): CallEnding {
  session.note({ kind: 'application-error', code, reason });
  session.context.log({ level: 'error', code, message: `application error, call ended: ${reason}`, callSid: session.sid });
  session.note({ kind: 'hangup', by: 'application-error' });
  return { by: 'application-error', errorCode: code };
}
