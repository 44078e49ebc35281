import type { CallSession } from '../call-session';
import { fetchPlayMedia } from '../play-media';
import { speakingSeconds } from '../speech-timing';
import type { PlayVerb, PromptVerb } from '../voice-verbs';

// loop="0" repeats until the call ends; the simulator stops at this many repetitions.
const MAX_LOOPS = 10;
// A "w" in digits waits 0.5 s; a key tone lasts about as long.
const SECONDS_PER_DIGIT = 0.5;

/**
 * <Say>, <Play>, <Pause>: what the person hears, and the time it takes. A call time `endsAt` (in
 * seconds) cuts it short, as an agent picking up cuts a queue's hold message: false when it did.
 */
export async function runPrompt(session: CallSession, verb: PromptVerb, endsAt = Infinity): Promise<boolean> {
  if (verb.verb === 'Pause') {
    session.note({ kind: 'pause', seconds: verb.seconds });
    return passUntil(session, verb.seconds, endsAt);
  }
  const loops = verb.loop === 0 ? MAX_LOOPS : verb.loop;
  if (verb.verb === 'Play') return runPlay(session, verb, loops, endsAt);
  for (let i = 0; i < loops; i++) {
    session.callee.hear(verb.text);
    session.note({ kind: 'service-said', text: verb.text, language: verb.language, voice: verb.voice });
    if (!(await passUntil(session, speakingSeconds(verb.text), endsAt))) return false;
  }
  return true;
}

/** The media is fetched once per verb, however often it loops (Twilio caches it too). */
async function runPlay(session: CallSession, verb: PlayVerb, loops: number, endsAt: number): Promise<boolean> {
  const media = verb.url
    ? await fetchPlayMedia(session, verb.url)
    : { ok: true as const, durationSeconds: (verb.digits ?? '').length * SECONDS_PER_DIGIT, transcript: null };
  if (!media.ok) {
    session.note({ kind: 'play-failed', url: verb.url!, code: media.code, reason: media.reason });
    session.context.log({ level: 'warn', code: media.code, message: `<Play> skipped: ${media.reason}`, callSid: session.sid });
    return true;
  }
  for (let i = 0; i < loops; i++) {
    if (media.transcript !== null) session.callee.hear(media.transcript);
    session.note({ kind: 'service-played', url: verb.url, digits: verb.digits, durationSeconds: media.durationSeconds, transcript: media.transcript });
    if (!(await passUntil(session, media.durationSeconds, endsAt))) return false;
  }
  return true;
}

/** Lets `seconds` of call time pass, or only up to `endsAt`: false when that came first. */
async function passUntil(session: CallSession, seconds: number, endsAt: number): Promise<boolean> {
  const left = endsAt - session.elapsedSeconds;
  await session.pass(Math.max(0, Math.min(seconds, left)));
  return seconds < left;
}
