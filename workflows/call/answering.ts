import { hangUpTwiml, sayAndHangUpTwiml } from '../../src/voice/call-twiml';
import type { Call } from './call-state';
import { prompt } from './speech';
import { takeTurn } from './turns';

/**
 * The pick-up, as answering machine detection reports it (machine_start, machine_end_beep,
 * machine_end_silence, machine_end_other, fax; or human, unknown): a machine gets the campaign's
 * voicemail (a §1006.2(j) limited-content message) or a hang-up; anyone else the greeting.
 */
export async function onAnswered(call: Call, detected: string | undefined): Promise<string> {
  if (detected?.startsWith('machine') || detected === 'fax') {
    call.answeredBy = 'machine';
    if (detected === 'fax' || call.setup.voicemailPolicy === 'hang-up') return hangUpTwiml();
    call.voicemailLeft = true;
    return sayAndHangUpTwiml(await prompt(call, call.setup.voicemailText), call.style);
  }
  call.answeredBy = 'human';
  const earlier = call.answers.get(0);
  if (earlier !== undefined) return earlier;
  const twiml = await takeTurn(call, { text: '', asrConfidence: 1 }, { arrivedAt: Date.now() });
  call.answers.set(0, twiml);
  return twiml;
}
