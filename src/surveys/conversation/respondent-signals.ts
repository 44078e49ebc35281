import { containsAbuse } from '../../dialog/abuse';
import { saysIntent } from '../../dialog/intents';
import { scoreSentiment } from '../../dialog/sentiment';
import { normalizeText } from '../../dialog/text-normalize';
import { classifyInboundSms } from '../../policy/sms-keywords';
import { parseAnswer } from '../answer-parsing';
import type { SurveyQuestion } from '../question-types';
import type { Survey } from '../survey-schema';
import type { Channel, ConversationInput } from './conversation-types';

// What a reply says besides its answer, read with the collections dialog's own rules (intents,
// sentiment, abuse): a wish to stop being contacted, to talk to a person, anger, a complaint.

export type Interruption = 'opted-out' | 'wants-person' | 'angry';

/**
 * A survey about a support case talks about staff ("客服态度很好", "the agent was great"), which
 * the dialog's rule reads as the 'human' intent. Such words are a request for a person only when
 * the reply answers nothing, or asks for one in so many words.
 */
const ASKS_FOR_SOMEONE =
  /\b(?:talk|speak|put me through|transfer|connect me|get me|give me|can i (?:have|get)|i (?:want|need|would like|'d like))\b|转|找|我要|我想|让.{0,4}(?:接|听)|跟.{0,4}说/;

/** "Call me later" rather than "not now": the respondent asks to be contacted again. */
const LATER = /\b(?:later|back|tomorrow|another time|again)\b|晚点|晚些|回头|稍后|等会|过会|改天|明天|下次/;

/** A complaint said in so many words; the sentiment lexicon hears the hostile ones. */
const COMPLAINT = /\b(?:make|file|lodge|raise|register|have)\s+a\s+complaint\b|\bwant\s+to\s+complain\b|我要投诉|想投诉|要投诉/;

export type EscalationSettings = Pick<Survey['escalation'], 'minConfidence' | 'minSentiment'>;

export interface Heard {
  text: string;
  channel: Channel;
  asrConfidence: number;
  /** The reply gave a reading of what was asked (an answer, a choice to confirm, a number out of range). */
  answered: boolean;
  /** The reply is a comment in its own right (free text, a probe): hostile words are its content, not anger. */
  comment: boolean;
}

export function heardFrom(input: ConversationInput, channel: Channel): Pick<Heard, 'text' | 'channel' | 'asrConfidence'> {
  return { text: input.text ?? '', channel, asrConfidence: channel === 'sms' || input.digits ? 1 : (input.asrConfidence ?? 1) };
}

/**
 * STOP, HELP and the other SMS keywords are the outreach core's: it answers them before any
 * reply reaches the conversation. One that arrives anyway is left alone here rather than answered twice.
 */
export function isSmsKeyword(input: ConversationInput, channel: Channel): boolean {
  return channel === 'sms' && input.text !== undefined && classifyInboundSms(input.text).kind !== 'free-text';
}

/**
 * Opting out outranks everything (TCPA revocation by any reasonable means); then a request for a
 * person, honoured however the reply was heard, as in collections; then anger, judged only on a
 * clear transcript: abuse always, hostile words when they answer nothing (in an answer, the
 * words are the answer, and a low score makes a detractor instead).
 */
export function interruption(heard: Heard, escalation: EscalationSettings): Interruption | undefined {
  const text = normalizeText(heard.text);
  if (text.trim() === '') return undefined;
  if (saysIntent(text, 'opt-out')) return 'opted-out';
  if (saysIntent(text, 'human') && (!heard.answered || ASKS_FOR_SOMEONE.test(text))) return 'wants-person';
  const heardClearly = heard.asrConfidence >= escalation.minConfidence;
  if (heardClearly && containsAbuse(text)) return 'angry';
  const hostile = scoreSentiment(text) < escalation.minSentiment;
  return heardClearly && hostile && !heard.answered && !heard.comment ? 'angry' : undefined;
}

export function saysComplaint(text: string): boolean {
  return COMPLAINT.test(normalizeText(text));
}

/** Consent, read with no question words to echo ("没问题" must not echo "问题" of the introduction). */
const CONSENT: SurveyQuestion = { id: 'consent', type: 'yes-no', text: {}, required: true, maxReasks: 1 };

export type ConsentReply = 'yes' | 'no' | 'later' | 'unclear';

/** "Not now" or "I'm busy" decline this contact; "call me tomorrow" asks for another. */
export function readConsent(text: string, language: string, asrConfidence: number): ConsentReply {
  const normalized = normalizeText(text);
  if (saysIntent(normalized, 'callback-request')) return LATER.test(normalized) ? 'later' : 'no';
  const reading = readYesOrNo(text, language, asrConfidence);
  return reading === undefined ? 'unclear' : reading.yes ? 'yes' : 'no';
}

/** A yes or a no to "Just to check, was that 8?", with the parser's confidence; undefined when the reply says neither clearly. */
export function readYesOrNo(text: string, language: string, asrConfidence: number): { yes: boolean; confidence: number } | undefined {
  const parsed = parseAnswer(CONSENT, text, language, { asrConfidence });
  return parsed.kind === 'answer' ? { yes: parsed.value === true, confidence: parsed.confidence } : undefined;
}
