import { describe, expect, it } from 'vitest';
import { CALL_STATES, CALL_TRANSITIONS, callStateMachine, isTransitionAllowed, type CallState } from '../../../src/dialog/call-states';

function reachableFrom(start: CallState, without: ReadonlySet<CallState> = new Set()): Set<CallState> {
  const seen = new Set<CallState>([start]);
  const queue = [start];
  for (let state = queue.shift(); state !== undefined; state = queue.shift()) {
    for (const next of CALL_TRANSITIONS[state]) {
      if (!seen.has(next) && !without.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

describe('the collections call state machine', () => {
  it.each<[CallState, CallState, boolean]>([
    ['greeting', 'verify-identity', true],
    ['verify-identity', 'disclosure', true],
    ['disclosure', 'purpose-and-balance', true],
    ['purpose-and-balance', 'handle-answer', true],
    ['handle-answer', 'recap', true],
    ['recap', 'close', true],
    ['close', 'ended', true],
    ['verify-identity', 'ended', true],
    ['handle-answer', 'escalate', true],
    ['greeting', 'disclosure', false],
    ['verify-identity', 'purpose-and-balance', false],
    ['greeting', 'recap', false],
    ['close', 'handle-answer', false],
    ['ended', 'greeting', false],
    ['escalate', 'handle-answer', false],
  ])('%s -> %s allowed: %s', (from, to, allowed) => {
    expect(isTransitionAllowed(from, to)).toBe(allowed);
  });

  it('starts at the greeting and can reach every state from it', () => {
    expect(callStateMachine.initial).toBe('greeting');
    expect([...reachableFrom('greeting')].sort()).toEqual([...CALL_STATES].sort());
  });

  it('has exactly two terminal states: escalate and ended', () => {
    expect(CALL_STATES.filter((state) => callStateMachine.isTerminal(state))).toEqual(['escalate', 'ended']);
  });

  it('lets every live state hand over to a person or end', () => {
    const live = CALL_STATES.filter((state) => !callStateMachine.isTerminal(state));
    expect(live.every((state) => isTransitionAllowed(state, 'escalate') && isTransitionAllowed(state, 'ended'))).toBe(true);
  });

  it('reaches the balance only through identity verification and the disclosure', () => {
    for (const gate of ['verify-identity', 'disclosure'] as const) {
      expect(reachableFrom('greeting', new Set([gate])).has('purpose-and-balance')).toBe(false);
    }
  });
});
