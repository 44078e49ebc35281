import type { ResolvedReply } from '../../personas/persona-replies';
import type { CallSession } from '../call-session';
import { speakingSeconds } from '../speech-timing';
import type { GatherVerb } from '../voice-verbs';
import { runPrompt } from './prompts';
import { CONTINUE, type VerbOutcome, navigateTo } from './verb-outcome';

// A recogniser set for another language (en-US hearing Mandarin) still transcribes, but with
// far lower confidence; services that forget language="zh-CN" should see it.
const WRONG_LANGUAGE_CONFIDENCE_FACTOR = 0.3;
// With speechTimeout="auto" Twilio ends speech after a short natural pause.
const AUTO_SPEECH_END_SECONDS = 1;
const MAX_PARTIAL_RESULTS = 10;

/**
 * <Gather>: plays its prompts, then takes the person's speech or keys if the input allows them
 * and they come within the timeout, and requests the action with them. No input falls through to
 * the next verb (or requests the action anyway with actionOnEmptyResult).
 */
export async function runGather(session: CallSession, verb: GatherVerb, documentUrl: string | null): Promise<VerbOutcome> {
  for (const prompt of verb.prompts) await runPrompt(session, prompt);
  const reply = session.callee.reply();
  if (!accepts(verb, reply) || reply.afterSeconds > verb.timeoutSeconds) {
    if (reply.kind !== 'silence') noteReply(session, reply);
    await session.pass(verb.timeoutSeconds);
    session.note({ kind: 'no-input', verb: 'Gather' });
    return verb.actionOnEmptyResult ? navigateTo(documentUrl, verb.action, verb.method, 'gather-action', { msg: 'Gather End' }) : CONTINUE;
  }
  await session.pass(reply.afterSeconds);
  const params = reply.kind === 'speech' ? await speechResult(session, verb, reply) : digitsResult(session, verb, reply);
  return navigateTo(documentUrl, verb.action, verb.method, 'gather-action', { ...params, msg: 'Gather End' });
}

function accepts(verb: GatherVerb, reply: ResolvedReply): reply is Exclude<ResolvedReply, { kind: 'silence' }> {
  return (reply.kind === 'speech' && verb.input.speech) || (reply.kind === 'digits' && verb.input.dtmf);
}

function noteReply(session: CallSession, reply: Exclude<ResolvedReply, { kind: 'silence' }>): void {
  if (reply.kind === 'speech') {
    session.note({ kind: 'person-said', text: reply.text, confidence: reply.confidence, language: reply.language });
  } else {
    session.note({ kind: 'person-pressed', digits: reply.digits });
  }
}

async function speechResult(
  session: CallSession,
  verb: GatherVerb,
  reply: Extract<ResolvedReply, { kind: 'speech' }>,
): Promise<Record<string, string>> {
  const confidence =
    primaryLanguage(reply.language) === primaryLanguage(verb.language)
      ? reply.confidence
      : reply.confidence * WRONG_LANGUAGE_CONFIDENCE_FACTOR;
  noteReply(session, { ...reply, confidence });
  if (verb.partialResultCallback) await postPartialResults(session, verb, reply.text);
  await session.pass(speakingSeconds(reply.text));
  const endOfSpeech = verb.speechTimeout === 'auto' || verb.speechTimeout === null ? AUTO_SPEECH_END_SECONDS : verb.speechTimeout;
  await session.pass(endOfSpeech);
  return { SpeechResult: reply.text, Confidence: confidence.toFixed(8) };
}

function digitsResult(
  session: CallSession,
  verb: GatherVerb,
  reply: Extract<ResolvedReply, { kind: 'digits' }>,
): Record<string, string> {
  noteReply(session, reply);
  const { digits, finishedOnKey } = collectDigits(reply.digits, verb.numDigits, verb.finishOnKey);
  return finishedOnKey === null ? { Digits: digits } : { Digits: digits, FinishedOnKey: finishedOnKey };
}

/** Keys count until numDigits is reached or the finishOnKey is pressed (which is not included). */
export function collectDigits(
  pressed: string,
  numDigits: number | null,
  finishOnKey: string,
): { digits: string; finishedOnKey: string | null } {
  let digits = '';
  for (const key of pressed) {
    if (finishOnKey.includes(key)) return { digits, finishedOnKey: key };
    digits += key;
    if (numDigits !== null && digits.length >= numDigits) break;
  }
  return { digits, finishedOnKey: null };
}

/** Twilio posts growing transcriptions while the person speaks: stable words, then the unstable one. */
async function postPartialResults(session: CallSession, verb: GatherVerb, text: string): Promise<void> {
  const words = text.split(/\s+/);
  const step = Math.max(1, Math.ceil(words.length / MAX_PARTIAL_RESULTS));
  for (let shown = step, sequence = 0; shown <= words.length; shown += step, sequence++) {
    const result = await session.context.webhooks.send(session.account.authToken, {
      url: verb.partialResultCallback!,
      method: verb.partialResultCallbackMethod,
      params: {
        ...session.callParams(),
        SequenceNumber: String(sequence),
        StableSpeechResult: words.slice(0, shown - 1).join(' '),
        UnstableSpeechResult: words[shown - 1]!,
        LanguageCode: verb.language,
      },
      purpose: 'partial-result-callback',
      callSid: session.sid,
      signal: session.context.lifetime,
    });
    if (!result.ok) session.context.log({ level: 'warn', message: result.reason, code: result.errorCode, callSid: session.sid });
  }
}

function primaryLanguage(tag: string): string {
  return tag.split('-')[0]!.toLowerCase();
}
