import { isNegativeAnswer } from '../negative-answers';
import type { AnswerValue, ParsedAnswer, SurveyQuestion } from '../question-types';
import { PHRASES } from './conversation-phrases';
import type { QuestionProgress } from './conversation-types';
import { earlyAnswers } from './early-answers';
import { askingPrompt, probePrompt, questionPrompt } from './question-prompts';
import { heardFrom, interruption, readYesOrNo, saysComplaint, type Interruption } from './respondent-signals';
import { laterQuestions } from '../survey-path';
import { sayValue } from './survey-wording';
import {
  continueSurvey,
  endFor,
  flagDetractor,
  languageOf,
  parseReply,
  questionById,
  settle,
  speakingOf,
  withReply,
  type Draft,
  type Scope,
} from './turn-draft';

// A reply to a question, or to the check of an ambiguous answer. The rules, as decided for the
// survey issue:
// - a clear answer is taken; an ambiguous one is confirmed, never guessed, and the confirmation is
//   read as a yes, a no, or a pick among the candidates;
// - not understood or out of range: asked again gently, up to the question's maxReasks; after
//   that the survey moves on and records the question as not-understood (required or not), so a
//   later contact does not ask it again and the results see where people gave up;
// - "I don't know" or a refusal: an optional question is skipped at once; a required one is asked
//   once more (if its maxReasks allows), then skipped, recorded as dont-know or refused;
// - a negative answer gets the question's probe, once; NPS 0-6 and a rating at or below the
//   survey's threshold make a detractor, as does a hostile comment or a complaint said outright.

type Asked = Extract<Draft['state']['step'], { at: 'question' | 'confirm' }>;

const gaveReading = (parsed: ParsedAnswer) => parsed.kind === 'answer' || parsed.kind === 'ambiguous' || parsed.kind === 'out-of-range';

function progressOf(step: Asked): QuestionProgress {
  const { questionId, reasks, declinedOnce, heard, elapsedMs } = step;
  return { questionId, reasks, declinedOnce, heard, elapsedMs };
}

function sameValue(a: AnswerValue, b: AnswerValue): boolean {
  return JSON.stringify(Array.isArray(a) ? [...(a as string[])].sort() : a) === JSON.stringify(Array.isArray(b) ? [...(b as string[])].sort() : b);
}

/** Opt-out, a request for a person, anger: an answer given in the same breath is kept, then the conversation ends. */
function interrupt(draft: Draft, scope: Scope, signal: Interruption, question: SurveyQuestion, progress: QuestionProgress, parsed: ParsedAnswer): void {
  if (signal !== 'opted-out' && parsed.kind === 'answer') {
    settleAnswer(draft, scope, question, progress, { value: parsed.value, confidence: parsed.confidence, confirmed: false });
  }
  endFor(draft, signal, question.id);
}

/** Reads interruptions and complaints common to every reply on a question; true when the conversation ended. */
function interrupted(draft: Draft, scope: Scope, question: SurveyQuestion, progress: QuestionProgress, parsed: ParsedAnswer): boolean {
  const heard = { ...heardFrom(scope.input, draft.state.channel), answered: gaveReading(parsed), comment: question.type === 'free-text' };
  const signal = interruption(heard, scope.survey.escalation);
  if (saysComplaint(heard.text)) flagDetractor(draft, 'complaint', question.id);
  if (!signal) return false;
  interrupt(draft, scope, signal, question, progress, parsed);
  return true;
}

export function answerQuestion(draft: Draft, scope: Scope, step: Extract<Asked, { at: 'question' }>): void {
  const question = questionById(scope.survey, step.questionId);
  const parsed = scope.input.reading ?? parseReply(question, scope, draft.state);
  const progress = withReply(progressOf(step), scope.input);
  if (interrupted(draft, scope, question, progress, parsed)) return;
  const language = languageOf(draft);
  switch (parsed.kind) {
    case 'answer':
      return take(draft, scope, question, progress, { value: parsed.value, confidence: parsed.confidence, confirmed: false });
    case 'ambiguous':
      if (parsed.candidates.length > 0) return askToConfirm(draft, question, progress, parsed.candidates, parsed.confidence);
      return askAgain(draft, scope, question, progress, PHRASES.notUnderstood[language]());
    case 'out-of-range':
      return askAgain(draft, scope, question, progress, PHRASES.outOfRange[language](parsed.said));
    case 'dont-know':
    case 'refused':
      return declined(draft, scope, question, progress, parsed.kind);
    case 'not-understood':
      return askAgain(draft, scope, question, progress, PHRASES.notUnderstood[language]());
  }
}

/**
 * "Was that 7 or 8?": a reply that gives a candidate confirms it; a plain yes confirms the only
 * candidate; a no, or another answer, is taken as a correction; anything else asks again.
 */
export function answerConfirmation(draft: Draft, scope: Scope, step: Extract<Asked, { at: 'confirm' }>): void {
  const question = questionById(scope.survey, step.questionId);
  const parsed = parseReply(question, scope, draft.state);
  const progress = withReply(progressOf(step), scope.input);
  if (interrupted(draft, scope, question, progress, parsed)) return;
  if (parsed.kind === 'answer') {
    const confirmed = step.candidates.some((candidate) => sameValue(candidate, parsed.value));
    return take(draft, scope, question, progress, { value: parsed.value, confidence: parsed.confidence, confirmed });
  }
  const { text, asrConfidence } = heardFrom(scope.input, draft.state.channel);
  const reading = question.type === 'yes-no' ? undefined : readYesOrNo(text, draft.state.language, asrConfidence);
  const [only] = step.candidates;
  if (reading?.yes && step.candidates.length === 1 && only !== undefined) {
    return take(draft, scope, question, progress, { value: only, confidence: reading.confidence, confirmed: true });
  }
  const language = languageOf(draft);
  if (reading && !reading.yes) return askAgain(draft, scope, question, progress, PHRASES.misheard[language]());
  if (progress.reasks >= question.maxReasks) return giveUp(draft, scope, progress, 'not-understood');
  askToConfirm(draft, question, { ...progress, reasks: progress.reasks + 1 }, step.candidates, step.confidence, [PHRASES.notUnderstood[language]()]);
}

function askToConfirm(
  draft: Draft,
  question: SurveyQuestion,
  progress: QuestionProgress,
  candidates: readonly AnswerValue[],
  confidence: number,
  lead: readonly string[] = [],
): void {
  const language = languageOf(draft);
  const yesNo = question.type === 'yes-no' || candidates.length === 1;
  const words =
    question.type === 'yes-no'
      ? PHRASES.confirmYesNo[language]()
      : PHRASES.confirm[language](candidates.map((candidate) => sayValue(question, candidate, draft.state)));
  const hint = draft.state.channel === 'sms' && yesNo ? PHRASES.replyYesNo[language]() : undefined;
  draft.say.push(askingPrompt(words, lead, hint));
  draft.state = { ...draft.state, step: { at: 'confirm', ...progress, candidates, confidence } };
}

function askAgain(draft: Draft, scope: Scope, question: SurveyQuestion, progress: QuestionProgress, apology: string): void {
  if (progress.reasks >= question.maxReasks) return giveUp(draft, scope, progress, 'not-understood');
  const again = { ...progress, reasks: progress.reasks + 1 };
  draft.say.push(questionPrompt(question, speakingOf(draft, scope.survey), [apology]));
  draft.state = { ...draft.state, step: { at: 'question', ...again } };
}

function declined(draft: Draft, scope: Scope, question: SurveyQuestion, progress: QuestionProgress, outcome: 'dont-know' | 'refused'): void {
  if (!question.required || progress.declinedOnce || progress.reasks >= question.maxReasks) return giveUp(draft, scope, progress, outcome);
  const again = { ...progress, reasks: progress.reasks + 1, declinedOnce: true };
  draft.say.push(questionPrompt(question, speakingOf(draft, scope.survey), [PHRASES.pleaseTryRequired[languageOf(draft)]()]));
  draft.state = { ...draft.state, step: { at: 'question', ...again } };
}

function giveUp(draft: Draft, scope: Scope, progress: QuestionProgress, outcome: 'dont-know' | 'refused' | 'not-understood'): void {
  settle(draft, progress, { outcome, value: null, confidence: 0, confirmed: false });
  continueSurvey(draft, scope.survey, []);
}

interface Taken {
  value: AnswerValue;
  confidence: number;
  confirmed: boolean;
}

function detractorReason(question: SurveyQuestion, value: AnswerValue, threshold: number | undefined) {
  if (question.type === 'free-text') return isNegativeAnswer(question, value) ? 'complaint' : undefined;
  if (question.type !== 'nps' && question.type !== 'rating') return undefined;
  return isNegativeAnswer(question, value, threshold) ? question.type : undefined;
}

function settleAnswer(draft: Draft, { survey }: Scope, question: SurveyQuestion, progress: QuestionProgress, taken: Taken): void {
  settle(draft, progress, { outcome: 'answered', ...taken });
  const reason = detractorReason(question, taken.value, survey.detractorThreshold);
  if (reason) flagDetractor(draft, reason, question.id);
}

/** Stores the answer, keeps what the same words said to later questions, then probes or goes on. */
function take(draft: Draft, scope: Scope, question: SurveyQuestion, progress: QuestionProgress, taken: Taken): void {
  const { survey } = scope;
  const utterance = scope.input.text ?? '';
  if (!taken.confirmed && !scope.input.digits) {
    const later = laterQuestions(survey.questions, question, draft.state);
    const options = { channel: draft.state.channel, now: scope.input.now };
    const found = earlyAnswers({ current: question, utterance, redacted: progress.heard.at(-1) ?? '', later, language: draft.state.language, options });
    draft.state = { ...draft.state, heardEarly: { ...draft.state.heardEarly, ...found } };
  }
  settleAnswer(draft, scope, question, progress, taken);
  const probe = isNegativeAnswer(question, taken.value, survey.detractorThreshold) ? probePrompt(question, speakingOf(draft, survey)) : undefined;
  if (!probe) return continueSurvey(draft, survey, [PHRASES.thanks[languageOf(draft)]()]);
  draft.say.push(probe);
  draft.state = { ...draft.state, step: { at: 'probe', questionId: question.id } };
}
