import { executeChild, patched, ChildWorkflowFailure } from '@temporalio/workflow';
import type { DebtorProfile, PlanRequest, PromiseToPay } from './debtor.messages';
import type { AttemptOutcome } from './debtor.messages';
import { callPlacer } from './debtor-activities';
import { callWorkflow } from '../call/call.workflow';
import type { CallResult } from '../call/call.messages';

// The voice step of the cadence, behind the interface the debtor workflow depends on: each call
// is a child workflow (workflows/call/call.workflow.ts) whose structured outcome is mapped here.
// Histories recorded before the call workflow existed replay the old step (an unanswered call
// recorded by an activity): the `voice-call-workflow` patch keeps them deterministic.

export const voiceCallPatch = 'voice-call-workflow';

export interface CallRequest {
  attemptKey: string;
  workflowId: string;
  campaignId: string;
  campaignVersion: number;
  stepId: string;
  script: string;
  debtor: DebtorProfile;
  voiceQueue: string;
  /** The debtor's strategy, balance now, and whether this is the first communication. */
  strategy: string;
  balanceMinor: number;
  initialCommunication: boolean;
}

export interface CallOutcome extends Partial<Omit<CallResult, 'status' | 'conversation' | 'callSid'>> {
  outcome: Extract<AttemptOutcome, 'no-answer' | 'busy' | 'failed' | 'answered' | 'handed-to-agent'>;
  /** A telephone conversation about the debt took place (starts Regulation F's 7 quiet days). */
  conversation: boolean;
  providerSid?: string;
}

/** The call's id: the debtor's id, then the attempt key's own part (cycle, step, retry). */
export function callWorkflowIdFor(workflowId: string, attemptKey: string): string {
  const suffix = attemptKey.startsWith(`${workflowId}/`) ? attemptKey.slice(workflowId.length + 1) : attemptKey;
  return `${workflowId}/call/${suffix}`;
}

export async function callDebtor(request: CallRequest): Promise<CallOutcome> {
  if (!patched(voiceCallPatch)) return recordUnanswered(request);
  let result: CallResult;
  try {
    result = await executeChild(callWorkflow, {
      workflowId: callWorkflowIdFor(request.workflowId, request.attemptKey),
      args: [
        {
          attemptKey: request.attemptKey,
          debtorWorkflowId: request.workflowId,
          campaignId: request.campaignId,
          campaignVersion: request.campaignVersion,
          stepId: request.stepId,
          debtor: request.debtor,
          strategy: request.strategy,
          balanceMinor: request.balanceMinor,
          initialCommunication: request.initialCommunication,
          voiceQueue: request.voiceQueue,
        },
      ],
    });
  } catch (err) {
    // A call that could not be carried out is a failed attempt; the cadence's retry decides what next.
    if (err instanceof ChildWorkflowFailure) return { outcome: 'failed', conversation: false };
    throw err;
  }
  const { status, conversation, callSid, ...details } = result;
  return { ...details, outcome: attemptOutcome(result), conversation, providerSid: callSid };
}

function attemptOutcome(result: CallResult): CallOutcome['outcome'] {
  if (result.status === 'busy') return 'busy';
  if (result.status === 'failed') return 'failed';
  if (result.status !== 'completed') return 'no-answer';
  // A voicemail did not reach the person: the step is retried as for no answer.
  if (result.answeredBy !== 'human') return 'no-answer';
  return result.escalated?.agentAnswered ? 'handed-to-agent' : 'answered';
}

/** The pre-call-workflow step, kept for replay: the attempt is recorded and reported unanswered. */
async function recordUnanswered(request: CallRequest): Promise<CallOutcome> {
  const { recordUnansweredCall } = callPlacer(request.voiceQueue);
  const placed = await recordUnansweredCall({
    attemptKey: request.attemptKey,
    workflowId: request.workflowId,
    campaignId: request.campaignId,
    campaignVersion: request.campaignVersion,
    stepId: request.stepId,
    to: request.debtor.phone,
    purpose: `script:${request.script}`,
  });
  return { outcome: 'no-answer', conversation: false, providerSid: placed.providerSid };
}

/** What the debtor workflow does with each part of a call's outcome (its own functions). */
export interface CallOutcomeActions {
  isClosed(): boolean;
  hasHumanTask(): boolean;
  smsOptedOut(): boolean;
  /** Problems with a promise or plan under the campaign's rules; empty when acceptable. */
  promiseProblems(promise: PromiseToPay): string[];
  planProblems(plan: PlanRequest): string[];
  setPromise(promise: PromiseToPay): void;
  setPlan(plan: PlanRequest): void;
  stopAllContact(outcome: 'disputed', detail: string): Promise<void>;
  optOutOfVoice(): Promise<void>;
  openHumanTask(reason: string, summary: string): Promise<void>;
  /** Takes on the task a call posted when it handed the caller over, with what is now known. */
  adoptHumanTask(taskId: string, reason: string, summary: string): Promise<void>;
  /** Closes a call's hand-off task that is moot: another task takes over, or the account is closed. */
  dismissHumanTask(taskId: string, why: string): Promise<void>;
  sendPaymentLink(): Promise<unknown>;
  audit(type: string, data: Record<string, unknown>): void;
}

/**
 * A call's outcome, applied in order of legal weight: a dispute stops collection; an opt-out
 * stops calls (TCPA revocation, 12 CFR 1006.14(h)); then what the caller agreed to; then a
 * hand-off no agent took, which becomes a human task (the caller was offered a call back).
 */
export async function applyCallOutcome(call: CallOutcome, act: CallOutcomeActions): Promise<void> {
  if (call.intents === undefined) return; // the pre-call-workflow step reports nothing more
  act.audit('call-outcome', {
    answeredBy: call.answeredBy,
    rightPartyVerified: call.rightPartyVerified,
    intents: call.intents,
    turns: call.turns,
    durationSeconds: call.durationSeconds,
    escalatedTo: call.escalated?.to,
    voicemailLeft: call.voicemailLeft,
    paidDuringCallMinor: call.paidDuringCall?.amountMinor,
  });
  // A hand-off task the account does not take on is closed, not left open in the agents' queue.
  const handOff = call.escalated;
  const dismissHandOffTask = async (why: string) => {
    if (handOff?.taskId) await act.dismissHumanTask(handOff.taskId, why);
  };
  if (call.dispute) {
    await dismissHandOffTask('the dispute task takes over');
    return act.stopAllContact('disputed', 'disputed during a call');
  }
  if (call.optOut) await act.optOutOfVoice();
  if (act.isClosed()) return dismissHandOffTask('the account is closed');
  if (call.promise) {
    const problems = act.promiseProblems(call.promise);
    if (problems.length === 0) {
      act.setPromise(call.promise);
      act.audit('promise-recorded', { ...call.promise, source: 'call' });
    } else act.audit('call-promise-refused', { ...call.promise, problems });
  }
  if (call.plan) {
    const problems = act.planProblems(call.plan);
    if (problems.length === 0) {
      act.setPlan(call.plan);
      act.audit('plan-agreed', { instalments: call.plan.instalments, source: 'call' });
    } else act.audit('call-plan-refused', { problems });
  }
  // A link texted during the call is not texted again.
  if (call.payNow && !call.payNow.linkSent && !act.smsOptedOut()) await act.sendPaymentLink();
  if (call.callbackDate) act.audit('callback-requested', { date: call.callbackDate });
  if (!handOff) return;
  if (act.hasHumanTask()) return dismissHandOffTask("the account's open task takes over");
  // The agent who took the call records what was agreed; a caller nobody took is called back.
  const [reason, summary] = handOff.agentAnswered
    ? ['call-transfer', `${handOff.summary} An agent took the call: record what was agreed.`]
    : ['call-escalation', `${handOff.summary} No agent took the call; the caller was offered a call back.`];
  if (handOff.taskId) await act.adoptHumanTask(handOff.taskId, reason, summary);
  else if (!handOff.agentAnswered) await act.openHumanTask(reason, summary);
}
