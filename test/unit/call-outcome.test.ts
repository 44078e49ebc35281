import { describe, expect, it } from 'vitest';
import { callAttemptOutcome, callConsequences, type AccountAtCallEnd, type CallAgreements } from '../../src/policy/call-outcome';

// What a finished call means for the cadence and for the account, in order of legal weight.

const account = (facts: Partial<AccountAtCallEnd> = {}): AccountAtCallEnd => ({
  closed: false,
  hasHumanTask: false,
  smsOptedOut: false,
  promiseProblems: [],
  planProblems: [],
  ...facts,
});
const answered: CallAgreements = { intents: ['greet'], dispute: false, optOut: false, turns: 5 };
const handedOver = (agentAnswered: boolean, postedTask = true): CallAgreements => ({
  ...answered,
  escalated: { to: 'agent-number', agentAnswered, summary: 'Parley hand-off: Kim Ortiz.', taskId: postedTask ? 'd/call/c1/hand-off' : undefined },
});
/** The consequences other than the audit entries, as short labels. */
const actions = (call: CallAgreements, facts: Partial<AccountAtCallEnd> = {}) =>
  callConsequences(call, account(facts))
    .filter((c) => c.kind !== 'audit')
    .map((c) => ('taskId' in c ? `${c.kind}:${'reason' in c ? c.reason : c.why}` : 'reason' in c ? `${c.kind}:${c.reason}` : c.kind));
const audits = (call: CallAgreements, facts: Partial<AccountAtCallEnd> = {}) =>
  callConsequences(call, account(facts)).flatMap((c) => (c.kind === 'audit' ? [c.type] : []));

describe('callAttemptOutcome', () => {
  it.each([
    { call: { status: 'busy' }, expected: 'busy' },
    { call: { status: 'failed' }, expected: 'failed' },
    { call: { status: 'no-answer' }, expected: 'no-answer' },
    { call: { status: 'completed', answeredBy: 'machine' }, expected: 'no-answer' },
    { call: { status: 'completed', answeredBy: 'human' }, expected: 'answered' },
    { call: { status: 'completed', answeredBy: 'human', escalated: { agentAnswered: false } }, expected: 'answered' },
    { call: { status: 'completed', answeredBy: 'human', escalated: { agentAnswered: true } }, expected: 'handed-to-agent' },
  ])('when a call ends as $call, then the attempt counts as $expected', ({ call, expected }) => {
    expect(callAttemptOutcome(call)).toBe(expected);
  });
});

describe('callConsequences', () => {
  it.each([
    { name: 'an agent took the call', call: handedOver(true), facts: {}, expected: ['adopt-task:call-transfer'] },
    { name: 'nobody took the call', call: handedOver(false), facts: {}, expected: ['adopt-task:call-escalation'] },
    { name: 'nobody took a call that posted no task', call: handedOver(false, false), facts: {}, expected: ['open-task:call-escalation'] },
    { name: 'an agent took a call that posted no task', call: handedOver(true, false), facts: {}, expected: [] },
    { name: 'the debt was disputed on the call', call: { ...handedOver(true), dispute: true, optOut: true }, facts: {}, expected: ['dismiss-task:the dispute task takes over', 'stop-all-contact'] },
    { name: 'the account closed during the call (paid)', call: handedOver(true), facts: { closed: true }, expected: ['dismiss-task:the account is closed'] },
    { name: 'the account already has an open task', call: handedOver(false), facts: { hasHumanTask: true }, expected: ["dismiss-task:the account's open task takes over"] },
    { name: 'the caller opted out of calls on a closed account', call: { ...answered, optOut: true }, facts: { closed: true }, expected: ['opt-out-of-voice'] },
    { name: 'the caller promised and asked for the link', call: { ...answered, promise: { amountMinor: 5_000, dueDate: '2026-12-10' }, payNow: { amountMinor: 5_000 } }, facts: {}, expected: ['set-promise', 'text-payment-link'] },
    { name: 'the link was texted during the call', call: { ...answered, payNow: { amountMinor: 12_500, linkSent: true } }, facts: {}, expected: [] },
    { name: 'the caller wants the link but opted out of texts', call: { ...answered, payNow: { amountMinor: 12_500 } }, facts: { smsOptedOut: true }, expected: [] },
    { name: 'the call could not be carried out', call: {}, facts: {}, expected: [] },
  ])('when $name, then the account does $expected', ({ call, facts, expected }) => {
    expect(actions(call, facts)).toEqual(expected);
  });

  it('when an agent took the call, then the task says so, for the agent to record what was agreed', () => {
    const [adopt] = callConsequences(handedOver(true), account()).filter((c) => c.kind === 'adopt-task');
    expect(adopt).toEqual({ kind: 'adopt-task', taskId: 'd/call/c1/hand-off', reason: 'call-transfer', summary: 'Parley hand-off: Kim Ortiz. An agent took the call: record what was agreed.' });
  });

  it('when the promise or plan agreed on the call breaks the campaign rules, then it is refused and the refusal audited', () => {
    const call = { ...answered, promise: { amountMinor: 1, dueDate: '2031-01-01' }, plan: { instalments: [{ amountMinor: 1, dueDate: '2031-01-01' }] } };
    const facts = { promiseProblems: ['dueDate: too late'], planProblems: ['instalments: too many'] };
    expect(actions(call, facts)).toEqual([]);
    expect(audits(call, facts)).toEqual(['call-outcome', 'call-promise-refused', 'call-plan-refused']);
  });

  it('when a promise and a callback date are agreed, then both are audited after the call itself', () => {
    const call = { ...answered, promise: { amountMinor: 5_000, dueDate: '2026-12-10' }, callbackDate: '2026-12-03' };
    expect(audits(call)).toEqual(['call-outcome', 'promise-recorded', 'callback-requested']);
  });
});
