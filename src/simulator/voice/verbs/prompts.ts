import type { CallSession } from '../call-session';
import { speakingSeconds } from '../speech-timing';
import type { PromptVerb } from '../voice-verbs';

// loop="0" repeats until the call ends; the simulator stops at this many repetitions.
const MAX_LOOPS = 10;
// Audio files are not fetched; each play is assumed to last this long. A "w" in digits waits 0.5 s.
const PLAY_SECONDS = 5;
const SECONDS_PER_DIGIT = 0.5;

/** <Say>, <Play>, <Pause>: what the person hears, and the time it takes. */
export async function runPrompt(session: CallSession, verb: PromptVerb): Promise<void> {
  if (verb.verb === 'Pause') {
    session.note({ kind: 'pause', seconds: verb.seconds });
    await session.pass(verb.seconds);
    return;
  }
  const loops = verb.loop === 0 ? MAX_LOOPS : verb.loop;
  for (let i = 0; i < loops; i++) {
    if (verb.verb === 'Say') {
      session.callee.hear(verb.text);
      session.note({ kind: 'service-said', text: verb.text, language: verb.language, voice: verb.voice });
      await session.pass(speakingSeconds(verb.text));
    } else {
      session.note({ kind: 'service-played', url: verb.url, digits: verb.digits });
      await session.pass(verb.url ? PLAY_SECONDS : (verb.digits ?? '').length * SECONDS_PER_DIGIT);
    }
  }
}
