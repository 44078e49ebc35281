import { defineStateMachine } from './state-machine';

/**
 * The collections call, in the order a cooperative call walks it. Each decision names the state the
 * call is in after its reply is spoken, i.e. the question the caller's next words answer.
 */
export const CALL_STATES = [
  'greeting',
  'verify-identity',
  'disclosure',
  'purpose-and-balance',
  'handle-answer',
  'recap',
  'close',
  'escalate',
  'ended',
] as const;

export type CallState = (typeof CALL_STATES)[number];

/** Every live state may hand the caller to a person or end the call (opt-out, wrong person, hang-up). */
const EXITS = ['escalate', 'ended'] as const;

/**
 * Right-party verification comes before anything about the debt (12 CFR 1006.6(d): no third-party
 * disclosure), and the only way to the balance is through 'disclosure' (1006.18(e)). Self-loops are
 * re-asks and repeats ("sorry, what?"); disclosure -> handle-answer is "not a good time, call me
 * later"; recap -> handle-answer is a correction of the recapped terms.
 */
export const CALL_TRANSITIONS: Readonly<Record<CallState, readonly CallState[]>> = {
  greeting: ['verify-identity', ...EXITS],
  'verify-identity': ['verify-identity', 'disclosure', ...EXITS],
  disclosure: ['disclosure', 'purpose-and-balance', 'handle-answer', ...EXITS],
  'purpose-and-balance': ['purpose-and-balance', 'handle-answer', 'recap', ...EXITS],
  'handle-answer': ['handle-answer', 'recap', ...EXITS],
  recap: ['recap', 'handle-answer', 'close', ...EXITS],
  close: ['close', ...EXITS],
  escalate: [],
  ended: [],
};

export const callStateMachine = defineStateMachine<CallState>({ initial: 'greeting', transitions: CALL_TRANSITIONS });

export function isTransitionAllowed(from: CallState, to: CallState): boolean {
  return callStateMachine.isTransitionAllowed(from, to);
}

/** States the call can only be in once the person on the line has been verified as the debtor. */
const VERIFIED_STATES: ReadonlySet<CallState> = new Set(['disclosure', 'purpose-and-balance', 'handle-answer', 'recap', 'close']);

export function isVerifiedState(state: CallState): boolean {
  return VERIFIED_STATES.has(state);
}
