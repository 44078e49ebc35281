import { normalizeText } from '../dialog/text-normalize';
import { redactSensitive } from '../policy/redaction';
import { onlyFillers, readCues, type AnswerCues } from './answer-cues';
import type { Reading } from './answer-reading';
import { readChoices } from './choice-answers';
import { readDate } from './date-answers';
import type { ParsedAnswer, SurveyQuestion } from './question-types';
import { readNps, readNumber, readRating } from './scale-answers';
import { readYesNo } from './yes-no-answers';

/**
 * A voice answer whose transcript the recogniser scores below this is confirmed, however clear its
 * words: a wrong transcript of "nine" reads just as clearly as a right one. A confirmation costs
 * one short turn, a wrong answer costs the survey's results. Chosen, not measured: tune it on the
 * confidence of confirmed answers once real calls are recorded.
 */
export const MIN_ASR_CONFIDENCE = 0.6;

/** Confidence of an answer taken: said plainly, softened by a hedge, or read through a sound-alike. */
const PLAIN = 0.95;
const SOFTENED = 0.8;
const SOUND_ALIKE = 0.75;
/** Confidence of what is sent back to be confirmed. */
const TO_CONFIRM = 0.5;

export interface ParseOptions {
  /** The recogniser's confidence in the transcript, 0..1; voice only. */
  asrConfidence?: number;
  channel?: 'voice' | 'sms';
  /**
   * The moment "yesterday" and "last Friday" are counted from, and where the respondent lives.
   * Default: Date.now(), which inside a workflow is the workflow's own replayable clock, and UTC.
   */
  now?: number;
  timeZone?: string;
}

/**
 * What a respondent's reply says about `question`, by rules alone (no LLM), in English and
 * Simplified Chinese. The hedge rule, in full (answer-cues.ts has the words):
 * - one reading, said plainly or with a soft hedge ("maybe an eight", "八分吧"): taken;
 * - two or more readings ("seven or eight", "七八分"), a partial answer ("sort of"), doubt about
 *   the one reading ("maybe a seven, I'm not sure", "six I guess"), or a voice transcript below
 *   MIN_ASR_CONFIDENCE: ambiguous, to be confirmed, never taken;
 * - a number outside the scale or the list, and nothing inside it: out of range;
 * - no reading: a refusal, "don't know", or not understood.
 */
export function parseAnswer(question: SurveyQuestion, utterance: string, language: string, options: ParseOptions = {}): ParsedAnswer {
  const cues = readCues(utterance);
  const heard = options.channel === 'sms' ? 1 : (options.asrConfidence ?? 1);
  if (question.type === 'free-text') return freeText(utterance, cues, heard);
  return decide(read(question, cues.text, language, options), cues, heard);
}

function read(question: Exclude<SurveyQuestion, { type: 'free-text' }>, text: string, language: string, options: ParseOptions): Reading {
  switch (question.type) {
    case 'nps':
      return readNps(text, language);
    case 'rating':
      return readRating(question, text, language);
    case 'number':
      return readNumber(question, text, language);
    case 'yes-no':
      return readYesNo(text, Object.values(question.text));
    case 'single-choice':
    case 'multiple-choice':
      return readChoices(question, text);
    case 'date':
      return readDate(text, question.range, { now: options.now ?? Date.now(), timeZone: options.timeZone ?? 'UTC' });
  }
}

function decide(reading: Reading, cues: AnswerCues, heard: number): ParsedAnswer {
  const { candidates } = reading;
  const [only] = candidates;
  if (only === undefined) {
    if (reading.vague) return { kind: 'ambiguous', candidates: [], confidence: TO_CONFIRM };
    if (reading.outOfRange !== undefined) return { kind: 'out-of-range', said: reading.outOfRange };
    if (cues.refused) return { kind: 'refused' };
    return cues.dontKnow ? { kind: 'dont-know' } : { kind: 'not-understood' };
  }
  if (candidates.length > 1 || reading.vague || cues.doubt || heard < MIN_ASR_CONFIDENCE) {
    return { kind: 'ambiguous', candidates, confidence: Math.min(heard, TO_CONFIRM) };
  }
  const confidence = reading.soundAlike ? SOUND_ALIKE : cues.soft ? SOFTENED : PLAIN;
  return { kind: 'answer', value: only, confidence: Math.min(heard, confidence) };
}

/**
 * Free text is kept as said, redacted, unless it is only a refusal or "don't know". A doubtful
 * transcript is kept too, with its confidence: reading a comment back to confirm it helps no one.
 */
function freeText(utterance: string, cues: AnswerCues, heard: number): ParsedAnswer {
  if (onlyFillers(normalizeText(utterance))) return { kind: 'not-understood' };
  if (onlyFillers(cues.text)) {
    if (cues.refused) return { kind: 'refused' };
    if (cues.dontKnow) return { kind: 'dont-know' };
  }
  return { kind: 'answer', value: redactSensitive(utterance.trim()), confidence: heard };
}
