import { describe, expect, it } from 'vitest';
import type { CadenceStep } from '../../src/campaigns/campaign-schema';
import { afterAttempt, cadencePosition, isFailedAttempt, startNewCycle, type AttemptOutcome, type CadenceProgress } from '../../src/policy/cadence';

// How an attempt or a new cycle moves a person through the cadence.

const hour = 3_600_000;
const now = Date.UTC(2026, 11, 1, 15);
const twoRetries: Pick<CadenceStep, 'retry'> = { retry: { maxRetries: 2, initialInterval: 'PT1H', backoffCoefficient: 2, maximumInterval: 'PT4H' } };
const atStep2: CadenceProgress = { cycle: 1, cycleStartedAt: now - 48 * hour, stepIndex: 2, stepRetries: 0, lastStepDoneAt: now - 24 * hour };

describe('afterAttempt', () => {
  it.each<{ outcome: AttemptOutcome; retries: number; expected: Partial<CadenceProgress> }>([
    { outcome: 'delivered', retries: 0, expected: { stepIndex: 3, stepRetries: 0, retryAt: undefined, lastStepDoneAt: now } },
    { outcome: 'answered', retries: 1, expected: { stepIndex: 3, stepRetries: 0, retryAt: undefined, lastStepDoneAt: now } },
    { outcome: 'skipped-opted-out', retries: 0, expected: { stepIndex: 3, stepRetries: 0, lastStepDoneAt: now } },
    { outcome: 'handed-to-agent', retries: 0, expected: { stepIndex: 3, stepRetries: 0, lastStepDoneAt: now } },
    { outcome: 'no-answer', retries: 0, expected: { stepIndex: 2, stepRetries: 1, retryAt: now + hour, lastStepDoneAt: now - 24 * hour } },
    { outcome: 'busy', retries: 1, expected: { stepIndex: 2, stepRetries: 2, retryAt: now + 2 * hour } },
    { outcome: 'undelivered', retries: 0, expected: { stepIndex: 2, stepRetries: 1, retryAt: now + hour } },
    { outcome: 'failed', retries: 2, expected: { stepIndex: 3, stepRetries: 0, retryAt: undefined, lastStepDoneAt: now } },
  ])('when an attempt ends $outcome after $retries retries, then the cadence moves to $expected', ({ outcome, retries, expected }) => {
    const after = afterAttempt({ ...atStep2, stepRetries: retries, retryAt: retries > 0 ? now : undefined }, twoRetries, outcome, now);
    expect(after).toMatchObject({ cycle: 1, cycleStartedAt: atStep2.cycleStartedAt, ...expected });
  });

  it.each<[AttemptOutcome, boolean]>([
    ['no-answer', true],
    ['busy', true],
    ['failed', true],
    ['undelivered', true],
    ['sent', false],
    ['delivered', false],
    ['answered', false],
  ])('when an attempt ends %s, then it failed to reach the person: %s', (outcome, failed) => {
    expect(isFailedAttempt(outcome)).toBe(failed);
  });
});

describe('startNewCycle', () => {
  it('when the cool-down after an exhausted cadence ends, then the next cycle starts from the first step with no retries', () => {
    expect(startNewCycle({ ...atStep2, stepRetries: 1, retryAt: now + hour }, now)).toEqual({
      cycle: 2,
      cycleStartedAt: now,
      stepIndex: 0,
      stepRetries: 0,
      retryAt: undefined,
      lastStepDoneAt: undefined,
    });
  });
});

describe('cadencePosition', () => {
  const attempt = (channel: 'sms' | 'voice', at: number, outcome: AttemptOutcome = 'delivered') => ({ channel, at, outcome });

  it('when attempts were made in an earlier cycle or skipped for an opt-out, then they are not counted in this one', () => {
    const position = cadencePosition(atStep2, [
      attempt('sms', atStep2.cycleStartedAt - 1),
      attempt('sms', atStep2.cycleStartedAt),
      attempt('voice', now - hour, 'no-answer'),
      attempt('voice', now, 'skipped-opted-out'),
    ]);
    expect(position).toEqual({ cycleStartedAt: atStep2.cycleStartedAt, stepIndex: 2, stepRetries: 0, retryAt: undefined, lastStepDoneAt: atStep2.lastStepDoneAt, made: { sms: 1, voice: 1 } });
  });
});
