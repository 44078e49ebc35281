import { newSid } from '../../ids';
import { accountPath } from '../../rest/resources';
import type { CallSession } from '../call-session';
import { speakingSeconds } from '../speech-timing';
import type { RecordVerb } from '../voice-verbs';
import { CONTINUE, type VerbOutcome, navigateTo } from './verb-outcome';

/**
 * <Record>: records what the person says until `timeout` seconds of silence or maxLength, then
 * requests the action (by default the current document, as Twilio does) with the recording.
 * Nothing said means an empty recording: Twilio skips the action and goes on with the next verb.
 */
export async function runRecord(session: CallSession, verb: RecordVerb, documentUrl: string | null): Promise<VerbOutcome> {
  const reply = session.callee.reply();
  if (reply.kind !== 'speech') {
    if (reply.kind === 'digits') session.note({ kind: 'person-pressed', digits: reply.digits });
    await session.pass(reply.kind === 'digits' ? reply.afterSeconds : verb.timeoutSeconds);
    session.note({ kind: 'no-input', verb: 'Record' });
    return CONTINUE;
  }
  await session.pass(reply.afterSeconds);
  session.note({ kind: 'person-said', text: reply.text, confidence: reply.confidence, language: reply.language });
  const durationSeconds = Math.min(verb.maxLengthSeconds, Math.ceil(speakingSeconds(reply.text)));
  await session.pass(durationSeconds);
  await session.pass(verb.timeoutSeconds);
  const recordingSid = newSid('RE');
  session.note({ kind: 'recording', recordingSid, durationSeconds, text: reply.text, language: reply.language });
  const params: Record<string, string> = {
    RecordingSid: recordingSid,
    RecordingUrl: `${session.context.baseUrl()}${accountPath(session.account.sid)}/Recordings/${recordingSid}`,
    RecordingDuration: String(durationSeconds),
  };
  if (session.callee.wantsToHangUp) params.Digits = 'hangup';
  return navigateTo(documentUrl, verb.action, verb.method, 'record-action', params);
}
