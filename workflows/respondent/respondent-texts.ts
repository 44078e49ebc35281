import { patched } from '@temporalio/workflow';
import { durationMillis } from '../../src/campaigns/campaign-notation';
import type { AttemptOutcome } from '../../src/policy/cadence';
import { respond, startConversation } from '../../src/surveys/conversation/conversation';
import type { Prompt, Turn } from '../../src/surveys/conversation/conversation-types';
import { worded } from '../../src/surveys/conversation/survey-wording';
import { allowedMoment } from '../outreach/contact-gate';
import { followUpWhy, noteDeferral } from '../outreach/contact-reasons';
import { sendSmsAttempt } from '../outreach/sms-attempt';
import { actOnTurn, sendConversationTexts } from './conversation-effects';
import { close, respondentOf, type RespondentContext } from './respondent-context';

// The survey by text: a cadence text invites (or, after answers were given, resumes at the first
// unanswered question); each reply is read by the conversation engine, and what it says back goes
// out one question per message. Conversation texts are not cadence attempts: a ten-question
// survey must not use up the cadence's SMS attempts.

export interface SurveyTextStep {
  id: string;
  template: string;
}

/** A cadence text: the invitation (or reminder) template, or a welcome back to the first unanswered question. */
export async function inviteBySms(ctx: RespondentContext, step: SurveyTextStep, attemptKey: string): Promise<AttemptOutcome> {
  const { state } = ctx;
  const survey = ctx.campaign;
  const resuming = state.answers.some((answer) => answer.part === 'answer');
  const turn = startConversation(survey, respondentOf(ctx), 'sms', { introductionSent: !resuming });
  const [first, ...rest] = resuming ? turn.say : [invitationPrompt(ctx, step.template)];
  const outcome = await sendSmsAttempt(ctx, { attemptKey, stepId: step.id, purpose: `cadence:${step.id}`, body: first!.text });
  if (outcome === 'failed' || outcome === 'skipped-opted-out') return outcome;
  state.invitedAt ??= Date.now();
  state.sessions.push({ channel: 'sms', startedAt: Date.now() });
  await actOnTurn(ctx, { ...turn, say: rest }, attemptKey);
  // A resumed survey asked its question in the cadence text itself: silence after it earns the reminder.
  if (resuming && rest.length === 0 && first!.awaitsReply && patched(lastReplyPatch)) state.awaitingSince = Date.now();
  return outcome;
}

function invitationPrompt(ctx: RespondentContext, templateId: string): Prompt {
  const survey = ctx.campaign;
  const template = survey.templates[templateId];
  if (!template) throw new Error(`survey ${survey.id} has no template '${templateId}'`);
  const language = respondentOf(ctx).language;
  const context = { language: survey.languages.includes(language) ? language : survey.languages[0]!, firstName: ctx.person.firstName, hidden: ctx.person.hidden };
  // CTIA messaging principles: the first message of a program says how to opt out.
  const optOut = survey.optOutText[context.language] ?? '';
  return { text: `${worded(template.text, survey, context)} ${optOut}`.trim(), awaitsReply: true };
}

/** Each text received since the last pass, read in order; a keyword was already answered by the webhook. */
export async function answerTexts(ctx: RespondentContext): Promise<void> {
  const { state } = ctx;
  while (ctx.pendingReplies.length > 0) {
    const reply = ctx.pendingReplies.shift()!;
    ctx.trail.audit(`sms-${reply.kind}`, { messageSid: reply.messageSid });
    if (ctx.isClosed()) continue;
    if (reply.kind === 'opt-out') {
      close(ctx, 'opted-out');
      continue;
    }
    if (reply.kind === 'help') continue;
    const conversation = state.conversation ?? startConversation(ctx.campaign, respondentOf(ctx), 'sms', { introductionSent: true }).state;
    const now = Date.now();
    const turn: Turn = respond(conversation, { text: reply.body, now, elapsedMs: state.awaitingSince === undefined ? undefined : now - state.awaitingSince }, ctx.campaign);
    await actOnTurn(ctx, turn, `${ctx.workflowId}/reply/${reply.messageSid}`);
  }
}

/** Histories from before a survey waited for the answer to its last question. */
export const lastReplyPatch = 'survey-waits-for-last-reply';

/**
 * The cadence has run out while a question by text is unanswered: the answer still has until the
 * reminder would be due to come. Resolves true when something happened meanwhile.
 */
export async function waitForLastReply(ctx: RespondentContext): Promise<boolean> {
  const { state } = ctx;
  if (!state.conversation || state.awaitingSince === undefined || !patched(lastReplyPatch)) return false;
  const until = state.awaitingSince + durationMillis(ctx.campaign.reminderAfter);
  if (until <= Date.now()) return false;
  ctx.mirror();
  return ctx.changes.sleepUntil(until);
}

/** A conversation by text gone quiet: one reminder of the question, inside the contact window. */
export async function remindWhenSilent(ctx: RespondentContext): Promise<boolean> {
  const { state } = ctx;
  const conversation = state.conversation;
  if (!conversation || state.awaitingSince === undefined || state.remindersSent > 0 || state.optedOut.sms) return false;
  const due = state.awaitingSince + durationMillis(ctx.campaign.reminderAfter);
  const askedAt = Math.max(due, Date.now());
  const allowed = allowedMoment(ctx, 'sms', askedAt);
  const at = allowed.at;
  noteDeferral(ctx, { attemptKey: `${ctx.workflowId}/reminder/${state.remindersSent + 1}`, stepId: 'reminder', channel: 'sms' }, followUpWhy('survey-reminder', due, allowed, askedAt));
  state.nextContact = { at, reason: 'a reminder of the question the respondent has not answered', stepId: 'reminder', channel: 'sms' };
  ctx.mirror();
  if (await ctx.changes.sleepUntil(at)) return true;
  state.nextContact = undefined;
  state.remindersSent++;
  const turn = startConversation(ctx.campaign, respondentOf(ctx), 'sms', { introductionSent: conversation.step.at === 'consent' });
  const reminder = conversation.step.at === 'consent' ? [invitationPrompt(ctx, firstTextTemplate(ctx))] : turn.say;
  await sendConversationTexts(ctx, reminder, `${ctx.workflowId}/reminder/${state.remindersSent}`);
  ctx.trail.audit('survey-reminder-sent', { step: conversation.step.at });
  return true;
}

/** The template a text invites with when the step has none of its own (a reminder, a call made by text). */
export function firstTextTemplate(ctx: RespondentContext): string {
  for (const step of ctx.campaign.cadence.steps) if (step.channel === 'sms') return step.template;
  const [first] = Object.keys(ctx.campaign.templates);
  if (first === undefined) throw new Error(`survey ${ctx.campaign.id} has no text template to invite by`);
  return first;
}
