import { TwimlError, parseTwiml } from '../../twiml/twiml-document';
import type { CallSession } from '../call-session';
import { fetchPlayMedia } from '../play-media';
import { speakingSeconds } from '../speech-timing';
import { type DialTarget, type VoiceVerb, voiceVerbs } from '../voice-verbs';

/**
 * A <Number url> (or <Client url>...): once the agent answers, Twilio requests the url for the
 * agent's leg (CallSid is the new leg's, Direction outbound-dial) and plays its TwiML to the agent
 * alone before bridging: a whisper. The simulated agent hears <Say> text and the words of a played
 * WAV, and waits out <Pause>; other verbs (a <Gather> to accept the call, a <Hangup> to refuse it)
 * are not run. A whisper that fails is logged and the call is bridged anyway.
 */
export async function runWhisper(
  session: CallSession,
  target: DialTarget,
  whisperUrl: string,
  legSid: string,
  documentUrl: string | null,
): Promise<void> {
  let url: string;
  try {
    url = new URL(whisperUrl, documentUrl ?? undefined).toString();
  } catch {
    return warn(session, 11100, `Invalid URL "${whisperUrl}" for the <${target.noun}> whisper`);
  }
  const parent = session.record;
  const result = await session.context.webhooks
    .send(session.account.authToken, {
      url,
      method: target.method,
      params: {
        AccountSid: parent.accountSid,
        ApiVersion: '2010-04-01',
        CallSid: legSid,
        ParentCallSid: parent.sid,
        CallStatus: 'in-progress',
        Direction: 'outbound-dial',
        From: parent.from,
        Caller: parent.from,
        To: target.value,
        Called: target.value,
      },
      purpose: 'dial-whisper',
      callSid: session.sid,
      signal: session.signal,
    })
    .catch((error: unknown) => {
      throw session.interruption(error);
    });
  if (!result.ok) return warn(session, result.errorCode, `whisper not played: ${result.reason}`);
  let verbs: VoiceVerb[];
  try {
    verbs = voiceVerbs(parseTwiml(result.body));
  } catch (error) {
    if (!(error instanceof TwimlError)) throw error;
    return warn(session, error.code, `whisper not played: ${error.message}`);
  }
  for (const verb of verbs) {
    if (verb.verb === 'Say') {
      session.note({ kind: 'agent-heard', target: target.value, text: verb.text });
      await session.pass(speakingSeconds(verb.text));
    } else if (verb.verb === 'Play' && verb.url) {
      const media = await fetchPlayMedia(session, verb.url);
      if (!media.ok) {
        warn(session, media.code, `whisper <Play> skipped: ${media.reason}`);
        continue;
      }
      if (media.transcript !== null) session.note({ kind: 'agent-heard', target: target.value, text: media.transcript });
      await session.pass(media.durationSeconds);
    } else if (verb.verb === 'Pause') {
      await session.pass(verb.seconds);
    }
  }
}

function warn(session: CallSession, code: number, message: string): void {
  session.context.log({ level: 'warn', code, message, callSid: session.sid });
}
