import { describe, expect, it } from 'vitest';
import { applyCallOutcome, type CallOutcome, type CallOutcomeActions } from '../../../workflows/debtor/call-step';

// What the debtor workflow does with a call's outcome, in order of legal weight. The actions are
// the workflow's own functions; here each one only notes that it was asked for.

function debtorAccount(account: { closed?: boolean; openTask?: boolean } = {}) {
  const done: string[] = [];
  const note = (what: string) => async () => void done.push(what);
  const actions: CallOutcomeActions = {
    isClosed: () => account.closed ?? false,
    hasHumanTask: () => account.openTask ?? false,
    smsOptedOut: () => false,
    promiseProblems: () => [],
    planProblems: () => [],
    setPromise: () => void done.push('promise'),
    setPlan: () => void done.push('plan'),
    stopAllContact: async (outcome) => void done.push(`stop:${outcome}`),
    optOutOfVoice: note('opt-out'),
    openHumanTask: async (reason) => void done.push(`open:${reason}`),
    adoptHumanTask: async (taskId, reason, summary) => void done.push(`adopt:${taskId}:${reason}:${summary}`),
    dismissHumanTask: async (taskId, why) => void done.push(`dismiss:${taskId}:${why}`),
    sendPaymentLink: note('text-link'),
    audit: () => undefined,
  };
  return { actions, done };
}

const answered: CallOutcome = { outcome: 'answered', conversation: true, intents: ['greet'], dispute: false, optOut: false, turns: 5 };
const handedOver = (agentAnswered: boolean): CallOutcome => ({
  ...answered,
  outcome: agentAnswered ? 'handed-to-agent' : 'answered',
  escalated: { reason: 'human', to: 'agent-number', target: '+12125550143', agentAnswered, summary: 'Parley hand-off: Kim Ortiz.', taskId: 'd/call/c1/hand-off' },
});

describe('a call outcome applied to the account', () => {
  it('when an agent took the call, then the call\'s task becomes the account\'s, for the agent to record what was agreed', async () => {
    const { actions, done } = debtorAccount();
    await applyCallOutcome(handedOver(true), actions);
    expect(done).toEqual(['adopt:d/call/c1/hand-off:call-transfer:Parley hand-off: Kim Ortiz. An agent took the call: record what was agreed.']);
  });

  it('when nobody took the call, then the same task is the promised call back', async () => {
    const { actions, done } = debtorAccount();
    await applyCallOutcome(handedOver(false), actions);
    expect(done).toEqual(['adopt:d/call/c1/hand-off:call-escalation:Parley hand-off: Kim Ortiz. No agent took the call; the caller was offered a call back.']);
  });

  it.each([
    { name: 'the debt was disputed on the call', call: { ...handedOver(true), dispute: true }, account: {}, expected: ['dismiss:d/call/c1/hand-off:the dispute task takes over', 'stop:disputed'] },
    { name: 'the account closed during the call (paid)', call: handedOver(true), account: { closed: true }, expected: ['dismiss:d/call/c1/hand-off:the account is closed'] },
    { name: 'the account already has an open task', call: handedOver(false), account: { openTask: true }, expected: ["dismiss:d/call/c1/hand-off:the account's open task takes over"] },
  ])('when $name, then the hand-off task is closed rather than left in the agents\' queue', async ({ call, account, expected }) => {
    const { actions, done } = debtorAccount(account);
    await applyCallOutcome(call, actions);
    expect(done).toEqual(expected);
  });

  it('when the link was texted during the call, then it is not texted again; otherwise it is', async () => {
    const during = debtorAccount();
    await applyCallOutcome({ ...answered, payNow: { amountMinor: 12_500, linkSent: true } }, during.actions);
    const after = debtorAccount();
    await applyCallOutcome({ ...answered, payNow: { amountMinor: 12_500 } }, after.actions);
    expect([during.done, after.done]).toEqual([[], ['text-link']]);
  });
});
