import { describe, expect, it } from 'vitest';
import { isPlanWithinLimits, isPromiseDateWithinLimits, maxFeasibleInstalments, splitIntoInstalments } from '../../../src/dialog/offer-limits';

const OFFERS = { maxInstalments: 4, minInstalmentAmountMinor: 2_500, maxDaysOut: 14 };

describe('offer limits', () => {
  it.each([
    [12_000, 4],
    [7_500, 3],
    [4_999, 1],
    [1_000_000, 4],
  ])('allows at most %i minor units to be split into %i instalments', (total, count) => {
    expect(maxFeasibleInstalments(total, OFFERS)).toBe(count);
  });

  it.each([
    [12_000, 3, 4_000, 4_000],
    [10_000, 3, 3_334, 3_333],
    [9_001, 3, 3_001, 3_000],
  ])('splits %i into %i instalments: first %i, then %i', (total, count, firstMinor, regularMinor) => {
    const split = splitIntoInstalments(total, count);
    expect(split).toEqual({ firstMinor, regularMinor });
    expect(split.firstMinor + split.regularMinor * (count - 1)).toBe(total);
  });

  it.each([
    [12_000, 1, false],
    [12_000, 2, true],
    [12_000, 4, true],
    [12_000, 5, false],
    [7_000, 3, false],
  ])('plan of %i in %i instalments within limits: %s', (total, count, allowed) => {
    expect(isPlanWithinLimits(total, count, OFFERS)).toBe(allowed);
  });

  // 2025-12-05 07:30 UTC is still Thursday 2025-12-04 in Los Angeles.
  const lateThursdayLA = Date.parse('2025-12-05T07:30:00Z');
  it.each([
    ['2025-12-03', false],
    ['2025-12-04', true],
    ['2025-12-18', true],
    ['2025-12-19', false],
  ])('promise for %s, made late Thursday in Los Angeles, within 14 days: %s', (date, allowed) => {
    expect(isPromiseDateWithinLimits(date, lateThursdayLA, 'America/Los_Angeles', OFFERS)).toBe(allowed);
  });
});
