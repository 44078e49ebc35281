import { ActivityFailure } from '@temporalio/workflow';
import { listeningHints } from '../../src/dialog/listening-hints';
import type { Utterance } from '../../src/dialog/turn-context';
import type { Prompt } from '../../src/voice/call-twiml';
import { speech } from './call-activities';
import type { Call } from './call-state';
import type { CallWebhookEvent } from './call.messages';
import { amendLastHeard } from './turn-records';

// The call's own voice and ears (SPEECH_ENGINE=local|openai); with Twilio's, the text is said as is.

/** A line in the service's own voice when it has one; Twilio's <Say> when synthesis fails. */
export async function prompt(call: Call, text: string): Promise<Prompt> {
  if (!call.ownVoice || text === '') return text;
  try {
    const clip = await speech.synthesizeSpeech({ text, language: call.style.languageTag, key: `${call.workflowId}/clip/${++call.clips}` });
    return { text, audioUrl: clip.url };
  } catch (err) {
    if (!(err instanceof ActivityFailure)) throw err;
    return text;
  }
}

/** A <Record>ed answer to words: keys as pressed; a recording the engine cannot read is not heard. */
export async function listen(call: Call, event: Extract<CallWebhookEvent, { kind: 'recorded' }>): Promise<Utterance> {
  if (event.digits) return { text: '', asrConfidence: 1, digits: event.digits };
  if (!event.recordingUrl) return { text: '', asrConfidence: 0 };
  try {
    const previousHeard = call.ctx.history.at(-1)?.heard;
    const heard = await speech.transcribeRecording({ recordingUrl: event.recordingUrl, language: call.style.languageTag, hints: listeningHints(call.ctx), ...(previousHeard ? { previousHeard } : {}) });
    if (heard.previousHeard !== undefined) amendLastHeard(call, heard.previousHeard);
    // An engine that gives no confidence (OpenAI's) is taken at its word.
    return { text: heard.text, asrConfidence: heard.confidence ?? (heard.text === '' ? 0 : 1) };
  } catch (err) {
    if (!(err instanceof ActivityFailure)) throw err;
    return { text: '', asrConfidence: 0 };
  }
}
