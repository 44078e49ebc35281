import { campaignLanguageFor } from '../../campaigns/templates';
import { parseAnswer } from '../answer-parsing';
import { isComplaint } from '../negative-answers';
import type { AnswerValue, SurveyQuestion } from '../question-types';
import type { Survey } from '../survey-schema';
import { PHRASES } from './conversation-phrases';
import type { Channel, ConversationInput, ConversationState, Respondent, Turn } from './conversation-types';
import { askingPrompt } from './question-prompts';
import { answerConfirmation, answerQuestion } from './question-turns';
import { heardFrom, interruption, isSmsKeyword, readConsent, saysComplaint } from './respondent-signals';
import { continueSurvey, endConversation, endFor, flagDetractor, freshProgress, languageOf, record, withReply, type Draft, type Scope } from './turn-draft';
import { worded } from './survey-wording';

// One respondent's survey, turn by turn, the same for texts and calls: the workflow keeps the
// state, feeds each reply, sends what `say` holds, stores what `recorded` holds and acts on
// `events`. Pure and deterministic (no clock, no I/O): it runs inside the respondent workflow.

export interface StartOptions {
  /**
   * The invitation text already asked for consent ("Reply YES to start"): nothing is sent now,
   * and the reply is read as the answer to the introduction.
   */
  introductionSent?: boolean;
}

/**
 * The first contact opens with the introduction, which asks for consent. A later contact, with
 * answers recorded before, resumes at the first question on the respondent's path that has none,
 * after a short welcome back: consent was given when those answers were.
 */
export function startConversation(survey: Survey, respondent: Respondent, channel: Channel, options: StartOptions = {}): Turn {
  const own = respondent.answers.filter((answer) => answer.part === 'answer');
  const answers: Record<string, AnswerValue> = {};
  for (const answer of own) if (answer.value !== null) answers[answer.questionId] = answer.value;
  const state: ConversationState = {
    surveyId: survey.id,
    channel,
    language: campaignLanguageFor(survey, respondent.language),
    ...(respondent.firstName ? { firstName: respondent.firstName } : {}),
    hidden: respondent.hidden,
    ...(respondent.timeZone ? { timeZone: respondent.timeZone } : {}),
    answers,
    settled: own.map((answer) => answer.questionId),
    heardEarly: {},
    step: { at: 'consent', reasks: 0 },
    detractorSent: false,
  };
  const draft: Draft = { state, say: [], recorded: [], events: [] };
  if (own.length > 0) {
    draft.events.push({ type: 'started' });
    continueSurvey(draft, survey, [PHRASES.welcomeBack[languageOf(draft)](respondent.firstName)]);
  } else if (!options.introductionSent) {
    draft.say.push(askingPrompt(worded(survey.introduction, survey, state), [], consentHint(draft)));
  }
  return draft;
}

/**
 * The next turn after the respondent's reply. A conversation that has ended says nothing more
 * (a reply to a closed survey is the workflow's to answer), and neither does an SMS keyword.
 */
export function respond(state: ConversationState, input: ConversationInput, survey: Survey): Turn {
  const draft: Draft = { state, say: [], recorded: [], events: [] };
  if (isSmsKeyword(input, state.channel)) return draft;
  const scope: Scope = { survey, input };
  const { step } = state;
  switch (step.at) {
    case 'consent':
      answerConsent(draft, scope, step.reasks);
      break;
    case 'question':
      answerQuestion(draft, scope, step);
      break;
    case 'confirm':
      answerConfirmation(draft, scope, step);
      break;
    case 'probe':
      answerProbe(draft, scope, step.questionId);
      break;
    case 'ended':
      break;
  }
  return draft;
}

function consentHint(draft: Draft): string | undefined {
  return draft.state.channel === 'sms' ? PHRASES.replyYesNo[languageOf(draft)]() : undefined;
}

/** Consent must be a clear yes: a reply still unclear after asking again counts as declined. */
function answerConsent(draft: Draft, { survey, input }: Scope, reasks: number): void {
  const heard = heardFrom(input, draft.state.channel);
  const consent = readConsent(heard.text, draft.state.language, heard.asrConfidence);
  const signal = interruption({ ...heard, answered: consent !== 'unclear', comment: false }, survey.escalation);
  if (signal) return endFor(draft, signal);
  if (consent === 'yes') {
    draft.events.push({ type: 'started' });
    return continueSurvey(draft, survey, [PHRASES.thanks[languageOf(draft)]()]);
  }
  if (consent === 'later') return endConversation(draft, 'call-back-later', [{ type: 'call-back-later' }]);
  if (consent === 'no' || reasks >= 1) return endConversation(draft, 'declined', [{ type: 'declined' }]);
  draft.say.push(askingPrompt(PHRASES.askConsentAgain[languageOf(draft)](), [], consentHint(draft)));
  draft.state = { ...draft.state, step: { at: 'consent', reasks: reasks + 1 } };
}

/** Any words, kept as said (redacted); asked once, so a reply that says nothing is not asked again. */
const PROBE: SurveyQuestion = { id: 'probe', type: 'free-text', text: {}, required: false, maxReasks: 0 };

function answerProbe(draft: Draft, { survey, input }: Scope, questionId: string): void {
  const heard = heardFrom(input, draft.state.channel);
  const parsed = parseAnswer(PROBE, heard.text, draft.state.language, { channel: draft.state.channel, asrConfidence: heard.asrConfidence });
  const signal = interruption({ ...heard, answered: parsed.kind === 'answer', comment: true }, survey.escalation);
  const progress = withReply(freshProgress(questionId), input);
  if (parsed.kind === 'answer' && signal !== 'opted-out') {
    record(draft, progress, 'probe', { outcome: 'answered', value: parsed.value, confidence: parsed.confidence, confirmed: false });
    draft.events.push({ type: 'probe-answered', questionId });
    if (isComplaint(heard.text) || saysComplaint(heard.text)) flagDetractor(draft, 'complaint', questionId);
  }
  if (signal) return endFor(draft, signal, questionId);
  continueSurvey(draft, survey, [PHRASES.thanks[languageOf(draft)]()]);
}
