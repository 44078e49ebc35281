import { describe, expect, it } from 'vitest';
import type { RetrySettings } from '../../src/campaigns/campaign-schema';
import { retryDelay } from '../../src/policy/retry-backoff';

const minute = 60_000;
const hour = 60 * minute;

describe('retryDelay', () => {
  const doubling: RetrySettings = { maxRetries: 4, initialInterval: 'PT1H', backoffCoefficient: 2, maximumInterval: 'PT4H' };

  it.each([
    { retry: 1, expected: 1 * hour },
    { retry: 2, expected: 2 * hour },
    { retry: 3, expected: 4 * hour },
    { retry: 4, expected: 4 * hour }, // 8 hours, capped at maximumInterval
    { retry: 5, expected: null }, // maxRetries used up
  ])('when a failed contact is retried for the $retry. time with 1h doubling up to 4h, then it waits $expected ms', ({ retry, expected }) => {
    expect(retryDelay(doubling, retry)).toBe(expected);
  });

  it.each([
    { settings: { maxRetries: 3, initialInterval: 'PT10M', backoffCoefficient: 1.5, maximumInterval: 'PT1H' }, retry: 2, expected: 15 * minute },
    { settings: { maxRetries: 3, initialInterval: 'PT30M', backoffCoefficient: 1, maximumInterval: 'PT1H' }, retry: 3, expected: 30 * minute },
    { settings: { maxRetries: 0, initialInterval: 'PT30M', backoffCoefficient: 2, maximumInterval: 'PT1H' }, retry: 1, expected: null },
    { settings: { maxRetries: 10, initialInterval: 'P1D', backoffCoefficient: 10, maximumInterval: 'P2D' }, retry: 10, expected: 48 * hour },
  ])('when settings are $settings and it is retry $retry, then it waits $expected ms', ({ settings, retry, expected }) => {
    expect(retryDelay(settings, retry)).toBe(expected);
  });

  it.each([0, -1, 1.5])('when the retry number is %s, then it refuses', (retry) => {
    expect(() => retryDelay(doubling, retry)).toThrow(/retry number/);
  });
});
