import type { CallState } from '../dialog/call-states';
import { redactSensitive } from '../policy/redaction';
import { unescapeXml } from '../voice/call-twiml';
import type { LiveFact, LiveStage } from './live-events';

// What a call's webhook answer tells the Live page, read from the TwiML the call workflow
// returned: the lines it says (<Say>), the stage it is in (the `stage` its next turn's URL
// carries), and whether it hands the caller to an agent (<Dial>, <Enqueue>) or ends (<Hangup/>).
// Lines spoken with the service's own voice are <Play>ed recordings, whose words are not in the
// document: such calls show the stages and the caller's side only.

const stages: Readonly<Record<CallState, LiveStage>> = {
  greeting: 'greeting',
  'verify-identity': 'verification',
  disclosure: 'disclosure',
  'purpose-and-balance': 'negotiation',
  'handle-answer': 'negotiation',
  recap: 'recap',
  close: 'closing',
  escalate: 'hand-off',
  ended: 'closing',
};

/** The page's stage for a collections dialog state; a survey's questions (or no state) are conversation. */
export function liveStageOf(dialogState: string | undefined): LiveStage {
  return (dialogState !== undefined && stages[dialogState as CallState]) || 'in conversation';
}

/** The facts in the TwiML answered to `call`'s turn `turn` (0: the pick-up); its <Say>s are one line. */
export function factsFromTwiml(call: string, twiml: string, turn: number): LiveFact[] {
  const text = [...twiml.matchAll(/<Say\b[^>]*>([^<]*)<\/Say>/g)]
    .map((say) => redactSensitive(unescapeXml(say[1]!)).trim())
    .filter((line) => line !== '')
    .join(' ');
  const facts: LiveFact[] = text === '' ? [] : [{ kind: 'turn', call, speaker: 'service', text, turn }];
  const next = /<(?:Gather|Record)\b[^>]*\baction="([^"]*)"/.exec(twiml);
  if (/<Dial\b/.test(twiml)) facts.push({ kind: 'stage', call, stage: 'hand-off' }, { kind: 'hand-off', call, status: 'ringing' });
  else if (/<Enqueue\b/.test(twiml)) facts.push({ kind: 'stage', call, stage: 'hand-off' }, { kind: 'hand-off', call, status: 'queued' });
  else if (next) facts.push({ kind: 'stage', call, stage: liveStageOf(queryParam(unescapeXml(next[1]!), 'stage')) });
  else if (/<Hangup\/>/.test(twiml)) facts.push({ kind: 'stage', call, stage: 'closing' });
  return facts;
}

function queryParam(url: string, name: string): string | undefined {
  const query = url.split('?')[1];
  return query === undefined ? undefined : (new URLSearchParams(query).get(name) ?? undefined);
}
