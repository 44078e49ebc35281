import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';
import type { AnswerRecord, ConversationEvent, Prompt, Turn } from '../../src/surveys/conversation/conversation-types';
import { questionWords } from '../../src/surveys/conversation/survey-wording';
import { records, smsSender } from '../outreach/outreach-activities';
import type { SurveyCallResult } from '../survey-call/survey-call.messages';
import { close, type RespondentContext } from './respondent-context';

// What a turn of the survey conversation leads to outside it: answers stored, consent and
// completion noted, detractors and requests for a person handed to people, the words sent.

export async function actOnTurn(ctx: RespondentContext, turn: Turn, keyBase: string): Promise<void> {
  const { state } = ctx;
  state.conversation = turn.state.step.at === 'ended' ? undefined : turn.state;
  await keepTurn(ctx, turn);
  await sendConversationTexts(ctx, turn.say, keyBase);
  if (!state.conversation) {
    state.awaitingSince = undefined;
    await openDueFollowUp(ctx);
  }
  ctx.mirror();
}

/**
 * A survey call is over: its answers are kept, its events acted on, and a follow-up it called for
 * opens now, whether the survey was finished or the respondent hung up. A conversation by text
 * under way before the call is superseded: the next contact resumes at the first unanswered question.
 */
export async function actOnCall(ctx: RespondentContext, call: Pick<SurveyCallResult, 'recorded' | 'events' | 'readings' | 'handedOff'>, attemptKey: string): Promise<void> {
  const { state } = ctx;
  state.conversation = undefined;
  state.awaitingSince = undefined;
  if (call.events.some((event) => event.type === 'opted-out')) {
    await records.recordVoiceOptOut({ eventKey: `${attemptKey}/opt-out`, phone: ctx.person.phone, source: `call:${attemptKey}` });
  }
  if (call.handedOff) ctx.trail.audit('survey-call-handed-off', call.handedOff);
  for (const reading of call.readings ?? []) if (reading.engine === 'rules-fallback') ctx.trail.audit('survey-answer-read-by-rules', reading);
  await keepTurn(ctx, call);
  await openDueFollowUp(ctx);
  ctx.mirror();
}

async function keepTurn(ctx: RespondentContext, turn: { recorded: ReadonlyArray<AnswerRecord & { answeredAt?: number }>; events: readonly ConversationEvent[] }): Promise<void> {
  for (const { answeredAt, ...answer } of turn.recorded) storeAnswer(ctx, answer, answeredAt);
  for (const event of turn.events) await actOnEvent(ctx, event);
}

/** Kept in the state for the next contact, and stored under a key that a retried write repeats. */
function storeAnswer(ctx: RespondentContext, answer: AnswerRecord, answeredAt = Date.now()): void {
  const { state, workflowId, surveyId } = ctx;
  const earlier = state.answers.filter((a) => a.questionId === answer.questionId && a.part === answer.part).length;
  state.answers.push(answer);
  const answerKey = `${workflowId}#${answer.questionId}#${answer.part}#${earlier}`;
  ctx.trail.track(records.recordSurveyAnswer({ ...answer, answerKey, workflowId, surveyId, surveyVersion: state.campaignVersion, answeredAt }));
}

async function actOnEvent(ctx: RespondentContext, event: ConversationEvent): Promise<void> {
  const { state } = ctx;
  ctx.trail.audit(`survey-${event.type}`, 'reason' in event ? { reason: event.reason, questionId: event.questionId } : {});
  switch (event.type) {
    case 'started':
      state.consentedAt ??= Date.now();
      ctx.setStatus('in-progress');
      return;
    case 'completed':
      state.completedAt = Date.now();
      return close(ctx, 'completed');
    case 'declined':
      return close(ctx, 'declined');
    case 'opted-out':
      state.optedOut = { sms: true, voice: true };
      return close(ctx, 'opted-out');
    case 'wants-person':
    case 'angry':
      state.followUpDue = event.type === 'angry' ? 'upset-respondent' : 'asked-for-a-person';
      return close(ctx, 'handed-off');
    case 'detractor':
      state.followUpDue ??= `detractor-${event.reason}`;
      return;
    case 'call-back-later':
    case 'probe-answered':
      return;
  }
}

/** One follow-up per respondent: a person reads the answers and the words, and records what was done. */
export async function openDueFollowUp(ctx: RespondentContext): Promise<void> {
  const { state, workflowId, surveyId } = ctx;
  const reason = state.followUpDue;
  if (reason === undefined || state.followUp) return;
  state.followUpDue = undefined;
  const taskId = `${workflowId}/follow-up`;
  state.followUp = { taskId, reason, openedAt: Date.now() };
  const survey = ctx.campaign;
  const context = { language: state.conversation?.language ?? survey.languages[0]!, firstName: ctx.person.firstName, hidden: ctx.person.hidden };
  const transcript = state.answers.map((answer) => {
    const question = survey.questions.find((candidate) => candidate.id === answer.questionId);
    const asked = question ? questionWords(question, answer.channel === 'voice', survey, context) : answer.questionId;
    return { said: answer.part === 'probe' ? `(follow-up) ${asked}` : asked, heard: answer.utterance };
  });
  const answered = state.answers.filter((a) => a.part === 'answer' && a.value !== null).map((a) => `${a.questionId}=${JSON.stringify(a.value)}`);
  const summary = `Survey ${survey.name}: ${reason.replaceAll('-', ' ')}. Answers: ${answered.join(', ') || 'none yet'}.`;
  await records.openHumanTask({ taskId, workflowId, campaignId: surveyId, reason, summary, transcript });
  ctx.trail.audit('human-task-opened', { taskId, reason });
}

/** Sends each prompt as its own text under `keyBase/n`: a retried send finds the one it sent. */
export async function sendConversationTexts(ctx: RespondentContext, prompts: readonly Prompt[], keyBase: string): Promise<void> {
  const { state } = ctx;
  for (const [n, prompt] of prompts.entries()) {
    if (state.optedOut.sms) return;
    try {
      await smsSender(ctx.queues.sms).sendSms({
        attemptKey: `${keyBase}/${n}`,
        workflowId: ctx.workflowId,
        campaignId: ctx.campaignId,
        campaignVersion: state.campaignVersion,
        stepId: 'conversation',
        purpose: 'survey-conversation',
        to: ctx.person.phone,
        body: prompt.text,
      });
    } catch (err) {
      const type = err instanceof ActivityFailure && err.cause instanceof ApplicationFailure ? err.cause.type : undefined;
      if (type === 'ContactNotAllowed') state.optedOut.sms = true;
      else if (type !== 'SmsRejected') throw err;
      ctx.trail.audit('survey-text-not-sent', { reason: type });
      return;
    }
  }
  if (prompts.some((prompt) => prompt.awaitsReply)) state.awaitingSince = Date.now();
}
