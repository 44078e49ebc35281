import type { HistoryTurn } from './turn-context';

/**
 * What the caller agreed to on this call, for the workflow to act on: send the payment link, record a
 * promise or a plan, schedule the call back. Only terms the caller confirmed at the recap count.
 */
export type Arrangement =
  | { kind: 'pay-now'; amountMinor: number }
  | { kind: 'promise'; amountMinor: number; date: string }
  | { kind: 'plan'; instalments: number; instalmentMinor: number }
  | { kind: 'callback'; date: string };

function arrangementOf({ state, nextState, intent, entities }: HistoryTurn): Arrangement | undefined {
  const { amountMinor, date, instalments } = entities;
  if (intent === 'callback-request' && nextState === 'ended' && date !== null) return { kind: 'callback', date };
  if (state !== 'recap' || nextState !== 'close') return undefined;
  if (intent === 'pay-now' && amountMinor !== null) return { kind: 'pay-now', amountMinor };
  if (intent === 'promise-to-pay' && amountMinor !== null && date !== null) return { kind: 'promise', amountMinor, date };
  if (intent === 'plan-request' && instalments !== null && amountMinor !== null) return { kind: 'plan', instalments, instalmentMinor: amountMinor };
  return undefined;
}

/** The latest arrangement confirmed in the call so far, if any. */
export function confirmedArrangement(history: readonly HistoryTurn[]): Arrangement | undefined {
  return [...history].reverse().map(arrangementOf).find((arrangement) => arrangement !== undefined);
}
