import { confirmedArrangement } from '../../src/dialog/arrangement';
import { addDays } from '../../src/dialog/calendar';
import { isVerifiedState } from '../../src/dialog/call-states';
import { splitIntoInstalments } from '../../src/dialog/offer-limits';
import type { Call } from './call-state';
import type { CallResult, PlacedCall } from './call.messages';

// What the call comes to, for the debtor workflow: who answered, whether it was a conversation
// with the right party (Regulation F's 7 quiet days), and what was agreed.

const daysToFirstInstalment = 7;
const daysBetweenInstalments = 30;

export type CallFacts = Pick<Call, 'ctx' | 'intents' | 'answeredBy' | 'callSid' | 'voicemailLeft' | 'escalation' | 'payNow'>;

/** The outcome from what the call learnt and Twilio's final status (none: the call was refused); `today` is the debtor's. */
export function callOutcome(call: CallFacts, placed: PlacedCall | undefined, today: string): CallResult {
  const { history } = call.ctx;
  const verified = history.some((t) => isVerifiedState(t.nextState));
  const has = (intent: string) => call.intents.includes(intent);
  const result: CallResult = {
    status: placed?.status ?? 'failed',
    callSid: placed?.callSid ?? call.callSid,
    answeredBy: call.answeredBy,
    rightPartyVerified: verified,
    conversation: call.answeredBy === 'human' && verified,
    intents: [...new Set(call.intents)],
    dispute: has('dispute'),
    optOut: has('opt-out'),
    wrongPerson: has('wrong-person'),
    voicemailLeft: call.voicemailLeft,
    escalated: call.escalation,
    turns: history.length,
    durationSeconds: placed?.durationSeconds ?? 0,
  };
  return { ...result, ...agreed(call, today) };
}

function agreed(call: CallFacts, today: string): Pick<CallResult, 'promise' | 'payNow' | 'paidDuringCall' | 'callbackDate' | 'plan'> {
  const arrangement = confirmedArrangement(call.ctx.history);
  const { linkSent, paidMinor } = call.payNow;
  const paid = paidMinor > 0 ? { paidDuringCall: { amountMinor: paidMinor } } : {};
  switch (arrangement?.kind) {
    case 'promise':
      return { ...paid, promise: { amountMinor: arrangement.amountMinor, dueDate: arrangement.date } };
    case 'pay-now':
      return { ...paid, payNow: { amountMinor: arrangement.amountMinor, ...(linkSent ? { linkSent: true } : {}) } };
    case 'callback':
      return { ...paid, callbackDate: arrangement.date };
    case 'plan': {
      const { firstMinor, regularMinor } = splitIntoInstalments(call.ctx.account.amountDueMinor, arrangement.instalments);
      const instalments = Array.from({ length: arrangement.instalments }, (_, i) => ({
        amountMinor: i === 0 ? firstMinor : regularMinor,
        dueDate: addDays(today, daysToFirstInstalment + i * daysBetweenInstalments),
      }));
      return { ...paid, plan: { instalments } };
    }
    default:
      return paid;
  }
}
