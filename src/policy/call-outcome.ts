import type { AttemptOutcome } from './cadence';

// What a finished call means: for the cadence (was the person reached?) and for the account (what
// was agreed, refused or asked for on the line). Pure: the debtor workflow carries out the list of
// consequences in the order given here, which is the order of legal weight.

/** The call as it ended, as far as this decision needs it (workflows/call/call.messages.ts, CallResult). */
export interface CallReport {
  status: string;
  answeredBy?: string;
  escalated?: { agentAnswered: boolean };
}

/** Was the person reached? A voicemail did not reach them: the step is retried as for no answer. */
export function callAttemptOutcome(call: CallReport): Extract<AttemptOutcome, 'no-answer' | 'busy' | 'failed' | 'answered' | 'handed-to-agent'> {
  if (call.status === 'busy') return 'busy';
  if (call.status === 'failed') return 'failed';
  if (call.status !== 'completed') return 'no-answer';
  if (call.answeredBy !== 'human') return 'no-answer';
  return call.escalated?.agentAnswered ? 'handed-to-agent' : 'answered';
}

export interface PromiseTerms {
  amountMinor: number;
  dueDate: string;
}
export interface PlanTerms {
  instalments: Array<{ amountMinor: number; dueDate: string }>;
}

/** What the call reported beyond whether it was answered; `intents` is absent when the call could not be carried out. */
export interface CallAgreements {
  answeredBy?: string;
  rightPartyVerified?: boolean;
  intents?: string[];
  turns?: number;
  durationSeconds?: number;
  voicemailLeft?: boolean;
  paidDuringCall?: { amountMinor: number };
  dispute?: boolean;
  optOut?: boolean;
  promise?: PromiseTerms;
  plan?: PlanTerms;
  payNow?: { amountMinor: number; linkSent?: boolean };
  callbackDate?: string;
  /** The hand-off to a person, with the task the call posted for it (if any). */
  escalated?: { to?: string; agentAnswered: boolean; summary: string; taskId?: string };
}

/** The account as the call ends, with the campaign's verdict on what the caller agreed to. */
export interface AccountAtCallEnd {
  closed: boolean;
  hasHumanTask: boolean;
  smsOptedOut: boolean;
  /** Problems with the promise or plan under the campaign's rules; empty when acceptable. */
  promiseProblems: string[];
  planProblems: string[];
}

export type CallConsequence =
  | { kind: 'audit'; type: string; data: Record<string, unknown> }
  | { kind: 'dismiss-task'; taskId: string; why: string }
  | { kind: 'stop-all-contact'; outcome: 'disputed'; detail: string }
  | { kind: 'opt-out-of-voice' }
  | { kind: 'set-promise'; promise: PromiseTerms }
  | { kind: 'set-plan'; plan: PlanTerms }
  | { kind: 'text-payment-link' }
  | { kind: 'adopt-task'; taskId: string; reason: string; summary: string }
  | { kind: 'open-task'; reason: string; summary: string };

/**
 * A call's consequences, in order of legal weight: a dispute stops collection; an opt-out stops
 * calls (TCPA revocation, 12 CFR 1006.14(h)); then what the caller agreed to; then a hand-off no
 * agent took, which becomes a human task (the caller was offered a call back). A hand-off task the
 * account does not take on is dismissed, not left open in the agents' queue.
 */
export function callConsequences(call: CallAgreements, account: AccountAtCallEnd): CallConsequence[] {
  if (call.intents === undefined) return [];
  const handOff = call.escalated;
  const dismiss = (why: string): CallConsequence[] => (handOff?.taskId ? [{ kind: 'dismiss-task', taskId: handOff.taskId, why }] : []);
  const done: CallConsequence[] = [{ kind: 'audit', type: 'call-outcome', data: callSummary(call) }];
  if (call.dispute) return [...done, ...dismiss('the dispute task takes over'), { kind: 'stop-all-contact', outcome: 'disputed', detail: 'disputed during a call' }];
  if (call.optOut) done.push({ kind: 'opt-out-of-voice' });
  if (account.closed) return [...done, ...dismiss('the account is closed')];
  done.push(...agreements(call, account));
  if (!handOff) return done;
  if (account.hasHumanTask) return [...done, ...dismiss("the account's open task takes over")];
  // The agent who took the call records what was agreed; a caller nobody took is called back.
  const [reason, summary] = handOff.agentAnswered
    ? ['call-transfer', `${handOff.summary} An agent took the call: record what was agreed.`]
    : ['call-escalation', `${handOff.summary} No agent took the call; the caller was offered a call back.`];
  if (handOff.taskId) done.push({ kind: 'adopt-task', taskId: handOff.taskId, reason, summary });
  else if (!handOff.agentAnswered) done.push({ kind: 'open-task', reason, summary });
  return done;
}

function agreements(call: CallAgreements, account: AccountAtCallEnd): CallConsequence[] {
  const done: CallConsequence[] = [];
  if (call.promise) {
    if (account.promiseProblems.length === 0) {
      done.push({ kind: 'set-promise', promise: call.promise }, { kind: 'audit', type: 'promise-recorded', data: { ...call.promise, source: 'call' } });
    } else done.push({ kind: 'audit', type: 'call-promise-refused', data: { ...call.promise, problems: account.promiseProblems } });
  }
  if (call.plan) {
    if (account.planProblems.length === 0) {
      done.push({ kind: 'set-plan', plan: call.plan }, { kind: 'audit', type: 'plan-agreed', data: { instalments: call.plan.instalments, source: 'call' } });
    } else done.push({ kind: 'audit', type: 'call-plan-refused', data: { problems: account.planProblems } });
  }
  // A link texted during the call is not texted again.
  if (call.payNow && !call.payNow.linkSent && !account.smsOptedOut) done.push({ kind: 'text-payment-link' });
  if (call.callbackDate) done.push({ kind: 'audit', type: 'callback-requested', data: { date: call.callbackDate } });
  return done;
}

function callSummary(call: CallAgreements): Record<string, unknown> {
  return {
    answeredBy: call.answeredBy,
    rightPartyVerified: call.rightPartyVerified,
    intents: call.intents,
    turns: call.turns,
    durationSeconds: call.durationSeconds,
    escalatedTo: call.escalated?.to,
    voicemailLeft: call.voicemailLeft,
    paidDuringCallMinor: call.paidDuringCall?.amountMinor,
  };
}
