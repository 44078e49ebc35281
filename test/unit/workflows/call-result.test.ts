import { describe, expect, it } from 'vitest';
import type { HistoryTurn } from '../../../src/dialog/turn-context';
import { NO_ENTITIES, type Entities, type Intent } from '../../../src/dialog/turn-schema';
import type { PlacedCall } from '../../../workflows/call/call.messages';
import { callOutcome, type CallFacts } from '../../../workflows/call/outcome';
import { makeContext } from '../dialog/fixtures';

// What a call comes to for the debtor workflow, from what it learnt and Twilio's final status.

const completed: PlacedCall = { callSid: 'CA1', status: 'completed', answeredBy: 'human', durationSeconds: 95 };
const today = '2025-12-04';

function turn(state: HistoryTurn['state'], intent: Intent, nextState: HistoryTurn['nextState'], entities: Partial<Entities> = {}): HistoryTurn {
  return { state, heard: '', said: '', intent, entities: { ...NO_ENTITIES, ...entities }, nextState };
}

const verified = turn('verify-identity', 'identity-confirmed', 'disclosure');

function facts(history: HistoryTurn[], more: Partial<CallFacts> = {}): CallFacts {
  return {
    ctx: { ...makeContext(), history },
    intents: history.map((t) => t.intent),
    answeredBy: 'human',
    voicemailLeft: false,
    payNow: { linkSent: false, awaitingPayment: false, paymentIds: new Set(), paidMinor: 0 },
    ...more,
  };
}

describe('a call outcome', () => {
  it('when the call was refused before it rang, then it failed, with no conversation', () => {
    const result = callOutcome(facts([], { answeredBy: 'nobody' }), undefined, today);
    expect(result).toMatchObject({ status: 'failed', answeredBy: 'nobody', conversation: false, turns: 0, durationSeconds: 0 });
  });

  it('when a machine answered, then the voicemail is reported and it is no conversation', () => {
    const result = callOutcome(facts([], { answeredBy: 'machine', voicemailLeft: true }), completed, today);
    expect(result).toMatchObject({ answeredBy: 'machine', voicemailLeft: true, conversation: false, rightPartyVerified: false });
  });

  it('when the right party agreed a plan at the recap, then the instalments fall due a week out and monthly after', () => {
    const plan = turn('recap', 'plan-request', 'close', { instalments: 3, amountMinor: 4_000 });
    const result = callOutcome(facts([verified, plan]), completed, today);
    expect(result).toMatchObject({ conversation: true, rightPartyVerified: true, callSid: 'CA1', durationSeconds: 95 });
    expect(result.plan?.instalments).toEqual([
      { amountMinor: 4_000, dueDate: '2025-12-11' },
      { amountMinor: 4_000, dueDate: '2026-01-10' },
      { amountMinor: 4_000, dueDate: '2026-02-09' },
    ]);
  });

  it('when the caller paid through the link texted during the call, then both the pay-now and the payment are reported', () => {
    const payNow = turn('recap', 'pay-now', 'close', { amountMinor: 12_000 });
    const paid = { linkSent: true, awaitingPayment: false, paymentIds: new Set(['p1']), paidMinor: 12_000 };
    const result = callOutcome(facts([verified, payNow], { payNow: paid }), completed, today);
    expect(result).toMatchObject({ payNow: { amountMinor: 12_000, linkSent: true }, paidDuringCall: { amountMinor: 12_000 } });
  });

  it('when the caller disputed and asked not to be called, then both are reported once', () => {
    const history = [verified, turn('handle-answer', 'dispute', 'close'), turn('close', 'opt-out', 'ended')];
    const result = callOutcome(facts(history, { intents: ['identity-confirmed', 'dispute', 'dispute', 'opt-out'] }), completed, today);
    expect(result).toMatchObject({ dispute: true, optOut: true, wrongPerson: false, intents: ['identity-confirmed', 'dispute', 'opt-out'] });
  });
});
