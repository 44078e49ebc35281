import type { Language } from '../../dialog/language';
import { redactSensitive } from '../../policy/redaction';
import { parseAnswer } from '../answer-parsing';
import type { AnswerValue, ParsedAnswer, SurveyQuestion } from '../question-types';
import type { Survey } from '../survey-schema';
import { PHRASES } from './conversation-phrases';
import type {
  AnswerOutcome,
  AnswerRecord,
  ConversationEvent,
  ConversationInput,
  ConversationState,
  DetractorReason,
  EndReason,
  QuestionProgress,
  Turn,
} from './conversation-types';
import type { Interruption } from './respondent-signals';
import { finalPrompt, questionPrompt, type Speaking } from './question-prompts';
import { nextQuestion } from '../survey-path';
import { phraseLanguage, sayValue, worded } from './survey-wording';

// One turn in the making, and the moves every step shares: store an answer, go on to the next
// question (taking any answer heard early for it), end the conversation.

/** A turn being built: each move adds to it; respond() returns it. */
export type Draft = Turn;

export interface Scope {
  survey: Survey;
  input: ConversationInput;
}

export function speakingOf(draft: Draft, survey: Survey): Speaking {
  return { survey, context: draft.state, voice: draft.state.channel === 'voice' };
}

export function languageOf(draft: Draft): Language {
  return phraseLanguage(draft.state.language);
}

export function questionById(survey: Survey, id: string): SurveyQuestion {
  const question = survey.questions.find((candidate) => candidate.id === id);
  if (!question) throw new Error(`survey '${survey.id}' has no question '${id}': the state belongs to another version`);
  return question;
}

/** What was said or keyed, redacted, as it is stored. */
function heardText(input: ConversationInput): string {
  return redactSensitive((input.digits ? input.digits : (input.text ?? '')).trim());
}

/** The progress on a question after one more reply to it. */
export function withReply(progress: QuestionProgress, input: ConversationInput): QuestionProgress {
  const elapsed = input.elapsedMs === undefined ? progress.elapsedMs : (progress.elapsedMs ?? 0) + input.elapsedMs;
  return { ...progress, heard: [...progress.heard, heardText(input)], elapsedMs: elapsed };
}

export function freshProgress(questionId: string): QuestionProgress {
  return { questionId, reasks: 0, declinedOnce: false, heard: [], elapsedMs: null };
}

/**
 * Keypad digits are exact: parsed as the reply they spell ("7", "2"); a multiple choice keyed as
 * "13" is choices 1 and 3. Speech goes through the parser with the recogniser's confidence.
 */
export function parseReply(question: SurveyQuestion, { survey, input }: Scope, state: ConversationState): ParsedAnswer {
  const timing = { now: input.now, timeZone: state.timeZone ?? survey.defaultTimeZone };
  const digits = input.digits?.replace(/[^0-9]/g, '');
  if (!digits) return parseAnswer(question, input.text ?? '', state.language, { ...timing, channel: state.channel, asrConfidence: input.asrConfidence });
  const keyed = question.type === 'multiple-choice' ? digits.split('').join(' ') : digits;
  return parseAnswer(question, keyed, state.language, { ...timing, asrConfidence: 1 });
}

interface Settlement {
  outcome: AnswerOutcome;
  value: AnswerValue | null;
  confidence: number;
  confirmed: boolean;
  early?: boolean;
}

export function record(draft: Draft, progress: QuestionProgress, part: AnswerRecord['part'], settlement: Settlement): void {
  const { state } = draft;
  draft.recorded.push({
    questionId: progress.questionId,
    part,
    outcome: settlement.outcome,
    value: settlement.value,
    utterance: progress.heard.join(' / '),
    confidence: settlement.confidence,
    confirmed: settlement.confirmed,
    early: settlement.early ?? false,
    channel: state.channel,
    language: state.language,
    elapsedMs: progress.elapsedMs,
    reasks: progress.reasks,
  });
}

/** Records the question's outcome and closes it, so neither this contact nor a later one asks it again. */
export function settle(draft: Draft, progress: QuestionProgress, settlement: Settlement): void {
  record(draft, progress, 'answer', settlement);
  const { state } = draft;
  const answers = settlement.value === null ? state.answers : { ...state.answers, [progress.questionId]: settlement.value };
  draft.state = { ...state, answers, settled: [...state.settled, progress.questionId] };
}

/** One follow-up task per conversation is enough: later reasons add nothing a person would act on. */
export function flagDetractor(draft: Draft, reason: DetractorReason, questionId?: string): void {
  if (draft.state.detractorSent) return;
  draft.events.push({ type: 'detractor', reason, ...(questionId ? { questionId } : {}) });
  draft.state = { ...draft.state, detractorSent: true };
}

const ENDINGS: Record<Exclude<EndReason, 'completed'>, keyof typeof PHRASES> = {
  declined: 'declined',
  'call-back-later': 'callBackLater',
  'opted-out': 'optedOut',
  'handed-off': 'handOff',
};

export function endConversation(draft: Draft, reason: Exclude<EndReason, 'completed'>, events: readonly ConversationEvent[]): void {
  const phrase = PHRASES[ENDINGS[reason]] as Record<Language, () => string>;
  draft.say.push(finalPrompt(phrase[languageOf(draft)]()));
  draft.events.push(...events);
  draft.state = { ...draft.state, step: { at: 'ended', reason } };
}

/** Opt-out, a request for a person, anger: the conversation ends; the workflow escalates as in collections. */
export function endFor(draft: Draft, signal: Interruption, questionId?: string): void {
  if (signal === 'opted-out') return endConversation(draft, 'opted-out', [{ type: 'opted-out' }]);
  if (signal === 'angry') flagDetractor(draft, 'anger', questionId);
  endConversation(draft, 'handed-off', [{ type: signal }]);
}

/**
 * Ask the next question on the respondent's path, after `lead`; an answer heard early for it is
 * taken instead, said back, and the walk goes on. With no question left: the closing.
 */
export function continueSurvey(draft: Draft, survey: Survey, lead: readonly string[]): void {
  const said = [...lead];
  for (;;) {
    const question = nextQuestion(survey.questions, draft.state);
    if (!question) {
      // The early answers are said back; a "thank you" before the closing's own thanks is not.
      draft.say.push(finalPrompt(worded(survey.closing, survey, draft.state), said.slice(lead.length)));
      draft.events.push({ type: 'completed' });
      draft.state = { ...draft.state, step: { at: 'ended', reason: 'completed' } };
      return;
    }
    const early = draft.state.heardEarly[question.id];
    if (!early) {
      draft.say.push(questionPrompt(question, speakingOf(draft, survey), said));
      draft.state = { ...draft.state, step: { at: 'question', ...freshProgress(question.id) } };
      return;
    }
    const progress = { ...freshProgress(question.id), heard: [early.utterance] };
    settle(draft, progress, { outcome: 'answered', value: early.value, confidence: early.confidence, confirmed: false, early: true });
    said.push(PHRASES.heardEarly[languageOf(draft)](sayValue(question, early.value, draft.state)));
  }
}
