import { executeChild, ChildWorkflowFailure } from '@temporalio/workflow';
import type { CadenceStep } from '../../src/campaigns/campaign-schema';
import { callAttemptOutcome, callConsequences, type CallAgreements, type CallConsequence } from '../../src/policy/call-outcome';
import type { AttemptOutcome } from '../../src/policy/cadence';
import { records } from '../outreach/outreach-activities';
import { firstCommunication, recordAttempt } from '../outreach/sms-attempt';
import { callWorkflow } from '../call/call.workflow';
import { callWorkflowIdFor } from '../call/place-call';
import type { CallResult } from '../call/call.messages';
import type { DebtorContext } from './debtor-context';
import { adoptHumanTask, dismissHumanTask, openHumanTask, stopAllContact } from './human-tasks';
import { planTermsProblems, promiseTermsProblems, setPlan, setPromise } from './promises-and-plans';
import { sendPaymentLink } from './debtor-texts';

// The voice step of the cadence: each call is a child workflow (workflows/call/call.workflow.ts);
// what its outcome means is decided in src/policy/call-outcome.ts and carried out here.

export interface CallOutcome extends CallAgreements {
  outcome: ReturnType<typeof callAttemptOutcome>;
  /** A telephone conversation about the debt took place (starts Regulation F's 7 quiet days). */
  conversation: boolean;
  providerSid?: string;
}

/** Calls the debtor for `step`, records the attempt and applies what came of it. */
export async function callStep(ctx: DebtorContext, step: CadenceStep, attemptKey: string): Promise<AttemptOutcome> {
  const { state } = ctx;
  const startedAt = Date.now();
  ctx.liveCall = { workflowId: callWorkflowIdFor(ctx.workflowId, attemptKey), attemptKey, step };
  const call = await callDebtor(ctx, step, attemptKey).finally(() => (ctx.liveCall = undefined));
  state.callAttempts.push(Date.now());
  if (call.conversation) state.conversations.push(Date.now());
  recordAttempt(ctx, { attemptKey, stepId: step.id, channel: 'voice', purpose: `call:${step.id}`, outcome: call.outcome, providerSid: call.providerSid, startedAt });
  await applyCallOutcome(ctx, call, step, attemptKey);
  return call.outcome;
}

async function callDebtor(ctx: DebtorContext, step: CadenceStep, attemptKey: string): Promise<CallOutcome> {
  let result: CallResult;
  try {
    result = await executeChild(callWorkflow, {
      workflowId: callWorkflowIdFor(ctx.workflowId, attemptKey),
      args: [
        {
          attemptKey,
          debtorWorkflowId: ctx.workflowId,
          campaignId: ctx.campaignId,
          campaignVersion: ctx.state.campaignVersion,
          stepId: step.id,
          debtor: ctx.person,
          strategy: ctx.state.strategy,
          balanceMinor: ctx.state.balanceMinor,
          initialCommunication: firstCommunication(ctx),
          voiceQueue: ctx.queues.voice,
          ...(ctx.state.experimentArms ? { experimentArms: ctx.state.experimentArms } : {}),
        },
      ],
    });
  } catch (err) {
    // A call that could not be carried out is a failed attempt; the cadence's retry decides what next.
    if (err instanceof ChildWorkflowFailure) return { outcome: 'failed', conversation: false };
    throw err;
  }
  const { status: _status, conversation, callSid, ...details } = result;
  return { ...details, outcome: callAttemptOutcome(result), conversation, providerSid: callSid };
}

/** Carries out a call's consequences (src/policy/call-outcome.ts), in their order of legal weight. */
export async function applyCallOutcome(ctx: DebtorContext, call: CallOutcome, step: CadenceStep, attemptKey: string): Promise<void> {
  const { state } = ctx;
  const consequences = callConsequences(call, {
    closed: ctx.isClosed(),
    hasHumanTask: state.humanTask !== undefined,
    smsOptedOut: state.optedOut.sms,
    promiseProblems: call.promise ? promiseTermsProblems(ctx, call.promise) : [],
    planProblems: call.plan ? planTermsProblems(ctx, call.plan) : [],
  });
  for (const consequence of consequences) await carryOut(ctx, consequence, step, attemptKey);
}

async function carryOut(ctx: DebtorContext, consequence: CallConsequence, step: CadenceStep, attemptKey: string): Promise<void> {
  switch (consequence.kind) {
    case 'audit':
      return ctx.trail.audit(consequence.type, consequence.data);
    case 'dismiss-task':
      return dismissHumanTask(consequence.taskId, consequence.why);
    case 'stop-all-contact':
      return stopAllContact(ctx, consequence.outcome, consequence.detail);
    case 'opt-out-of-voice':
      ctx.state.optedOut.voice = true;
      return records.recordVoiceOptOut({ eventKey: `${attemptKey}/opt-out`, phone: ctx.person.phone, source: `call:${attemptKey}` });
    case 'set-promise':
      return setPromise(ctx, consequence.promise);
    case 'set-plan':
      return setPlan(ctx, consequence.plan);
    case 'text-payment-link':
      return void (await sendPaymentLink(ctx, `${attemptKey}/pay-link`, step));
    case 'adopt-task':
      return adoptHumanTask(ctx, consequence.taskId, consequence.reason, consequence.summary);
    case 'open-task':
      return openHumanTask(ctx, consequence.reason, consequence.summary);
  }
}
