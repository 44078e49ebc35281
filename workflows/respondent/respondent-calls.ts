import { ChildWorkflowFailure, executeChild } from '@temporalio/workflow';
import type { OutreachStep } from '../../src/campaigns/contact-policy-schema';
import { callAttemptOutcome } from '../../src/policy/call-outcome';
import type { AttemptOutcome } from '../../src/policy/cadence';
import { callWorkflowIdFor } from '../call/place-call';
import { recordAttempt } from '../outreach/sms-attempt';
import { surveyCallWorkflow } from '../survey-call/survey-call.workflow';
import type { SurveyCallResult } from '../survey-call/survey-call.messages';
import { actOnCall } from './conversation-effects';
import { respondentOf, type RespondentContext } from './respondent-context';

// The voice step of a survey's cadence: each call is a child workflow that conducts the survey
// (workflows/survey-call/), resuming at the first unanswered question; what it heard comes back
// here to be stored and acted on, as a text conversation's turns are.

export async function callRespondent(ctx: RespondentContext, step: OutreachStep, attemptKey: string): Promise<AttemptOutcome> {
  const { state } = ctx;
  const startedAt = Date.now();
  const call = await placeSurveyCall(ctx, step, attemptKey);
  state.callAttempts.push(startedAt);
  const outcome = call ? callAttemptOutcome({ ...call, ...(call.handedOff ? { escalated: call.handedOff } : {}) }) : 'failed';
  if (call?.answeredBy === 'human') {
    state.conversations.push(Date.now());
    state.invitedAt ??= startedAt;
    state.sessions.push({ channel: 'voice', startedAt });
  }
  recordAttempt(ctx, { attemptKey, stepId: step.id, channel: 'voice', purpose: `call:${step.id}`, outcome, providerSid: call?.callSid, startedAt });
  if (call) await actOnCall(ctx, call, attemptKey);
  return outcome;
}

/** The call's result; undefined when it could not be carried out (a failed attempt the cadence retries). */
async function placeSurveyCall(ctx: RespondentContext, step: OutreachStep, attemptKey: string): Promise<SurveyCallResult | undefined> {
  try {
    return await executeChild(surveyCallWorkflow, {
      workflowId: callWorkflowIdFor(ctx.workflowId, attemptKey),
      args: [
        {
          attemptKey,
          respondentWorkflowId: ctx.workflowId,
          surveyId: ctx.surveyId,
          surveyVersion: ctx.state.campaignVersion,
          stepId: step.id,
          phone: ctx.person.phone,
          respondent: respondentOf(ctx),
          voiceQueue: ctx.queues.voice,
          ...(ctx.state.experimentArms ? { experimentArms: ctx.state.experimentArms } : {}),
        },
      ],
    });
  } catch (err) {
    if (err instanceof ChildWorkflowFailure) return undefined;
    throw err;
  }
}
