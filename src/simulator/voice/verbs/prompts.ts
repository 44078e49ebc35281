import type { CallSession } from '../call-session';
import { fetchPlayMedia } from '../play-media';
import { speakingSeconds } from '../speech-timing';
import type { PlayVerb, PromptVerb } from '../voice-verbs';

// loop="0" repeats until the call ends; the simulator stops at this many repetitions.
const MAX_LOOPS = 10;
// A "w" in digits waits 0.5 s; a key tone lasts about as long.
const SECONDS_PER_DIGIT = 0.5;

/** <Say>, <Play>, <Pause>: what the person hears, and the time it takes. */
export async function runPrompt(session: CallSession, verb: PromptVerb): Promise<void> {
  if (verb.verb === 'Pause') {
    session.note({ kind: 'pause', seconds: verb.seconds });
    await session.pass(verb.seconds);
    return;
  }
  const loops = verb.loop === 0 ? MAX_LOOPS : verb.loop;
  if (verb.verb === 'Play') return runPlay(session, verb, loops);
  for (let i = 0; i < loops; i++) {
    session.callee.hear(verb.text);
    session.note({ kind: 'service-said', text: verb.text, language: verb.language, voice: verb.voice });
    await session.pass(speakingSeconds(verb.text));
  }
}

/** The media is fetched once per verb, however often it loops (Twilio caches it too). */
async function runPlay(session: CallSession, verb: PlayVerb, loops: number): Promise<void> {
  const media = verb.url
    ? await fetchPlayMedia(session, verb.url)
    : { ok: true as const, durationSeconds: (verb.digits ?? '').length * SECONDS_PER_DIGIT, transcript: null };
  if (!media.ok) {
    session.note({ kind: 'play-failed', url: verb.url!, code: media.code, reason: media.reason });
    session.context.log({ level: 'warn', code: media.code, message: `<Play> skipped: ${media.reason}`, callSid: session.sid });
    return;
  }
  for (let i = 0; i < loops; i++) {
    if (media.transcript !== null) session.callee.hear(media.transcript);
    session.note({ kind: 'service-played', url: verb.url, digits: verb.digits, durationSeconds: media.durationSeconds, transcript: media.transcript });
    await session.pass(media.durationSeconds);
  }
}
