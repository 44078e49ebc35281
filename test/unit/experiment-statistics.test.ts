import { describe, expect, it } from 'vitest';
import { compareMeans, compareRates, meanEstimate, MIN_PEOPLE_PER_ARM, rateEstimate, type MeanSample } from '../../src/experiments/statistics';

// Reference numbers below were computed with SciPy 1.17.1: binomtest(...).proportion_ci(method='wilson')
// for Wilson intervals; 2 * norm.sf(|z|) on the pooled z, and norm.ppf for the Wald interval, for the
// two-proportion test; ttest_ind(variant, control, equal_var=False) and its confidence_interval() for
// Welch; t.interval(0.95, n - 1, mean, sem) for the mean.

const contactRate = { metricLabel: 'right-party contact rate' };
const collected = { metricLabel: 'amount collected per account' };

// Welch's own example data (Wikipedia, "Welch's t-test", example 2): t = 2.46, df = 25.0, p = 0.021.
const welchA: MeanSample = { arm: 'formal', values: [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4] };
const welchB: MeanSample = { arm: 'warm', values: [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4] };

describe('rateEstimate', () => {
  it('when 8 of 10 succeed, then the 95% Wilson interval is about [0.49, 0.94]', () => {
    const estimate = rateEstimate({ arm: 'warm', successes: 8, trials: 10 });
    expect(estimate.value).toBe(0.8);
    expect(estimate.low).toBeCloseTo(0.4901625, 6);
    expect(estimate.high).toBeCloseTo(0.9433178, 6);
  });

  it('when a lower confidence is asked for, then the interval narrows (90%: [0.54, 0.93])', () => {
    const estimate = rateEstimate({ arm: 'warm', successes: 8, trials: 10 }, 0.9);
    expect(estimate.low).toBeCloseTo(0.5407928, 6);
    expect(estimate.high).toBeCloseTo(0.9314420, 6);
  });

  it('when nobody has been tried, then the rate is 0 with the whole range as its interval', () => {
    expect(rateEstimate({ arm: 'warm', successes: 0, trials: 0 })).toEqual({ value: 0, low: 0, high: 1 });
  });

  it('when every attempt succeeds, then the interval reaches 1 without passing it (12/12: [0.76, 1])', () => {
    const estimate = rateEstimate({ arm: 'warm', successes: 12, trials: 12 });
    expect(estimate.high).toBeLessThanOrEqual(1);
    expect(estimate.high).toBeCloseTo(1, 12);
    expect(estimate.low).toBeCloseTo(0.7575060, 6);
  });

  it('when successes exceed trials, then it refuses the sample', () => {
    expect(() => rateEstimate({ arm: 'warm', successes: 11, trials: 10 })).toThrow(RangeError);
  });
});

describe('meanEstimate', () => {
  it('when given a sample, then it returns the mean with its Student t interval', () => {
    const estimate = meanEstimate(welchA);
    expect(estimate.value).toBeCloseTo(20.82, 10);
    expect(estimate.low).toBeCloseTo(19.2667017, 6);
    expect(estimate.high).toBeCloseTo(22.3732983, 6);
  });

  it.each([
    { values: [], expected: { value: 0, low: 0, high: 0 } },
    { values: [1250], expected: { value: 1250, low: 1250, high: 1250 } },
  ])('when there are $values.length values, then no spread is claimed', ({ values, expected }) => {
    expect(meanEstimate({ arm: 'warm', values })).toEqual(expected);
  });
});

describe('compareRates', () => {
  // 30/100 against 45/100: pooled 0.375, z = 2.1909, p = 0.02846.
  const formal = { arm: 'formal', successes: 30, trials: 100 };
  const warm = { arm: 'warm', successes: 45, trials: 100 };

  it('when the variant does better, then the pooled z-test gives the textbook p and the Wald interval of the difference', () => {
    const result = compareRates(formal, warm, contactRate);
    expect(result.test).toBe('two-proportion z-test');
    expect(result.pValue).toBeCloseTo(0.0284597, 6);
    expect(result.difference.value).toBeCloseTo(0.15, 10);
    expect(result.difference.low).toBeCloseTo(0.0174305, 6);
    expect(result.difference.high).toBeCloseTo(0.2825695, 6);
    expect(result.verdict).toBe('significant');
    expect(result.explanation).toBe('warm has a higher right-party contact rate than formal (45% vs 30%, p = 0.028).');
  });

  it('when the control does better, then the explanation names the control as higher', () => {
    const result = compareRates({ ...warm, arm: 'formal' }, { ...formal, arm: 'warm' }, contactRate);
    expect(result.difference.value).toBeCloseTo(-0.15, 10);
    expect(result.explanation).toBe('formal has a higher right-party contact rate than warm (45% vs 30%, p = 0.028).');
  });

  it('when the same p of 0.028 is one of two comparisons, then Bonferroni makes it not significant and widens the interval', () => {
    const result = compareRates(formal, warm, { ...contactRate, comparisons: 2 });
    expect(result.pValue).toBeCloseTo(0.0284597, 6);
    expect(result.verdict).toBe('not-significant');
    // 97.5% interval, which now includes zero.
    expect(result.difference.low).toBeCloseTo(-0.0016057, 6);
    expect(result.difference.high).toBeCloseTo(0.3016057, 6);
    expect(result.explanation).toBe(
      'No significant difference in right-party contact rate between warm and formal (45% vs 30%, p = 0.028; with 2 comparisons it needs p < 0.025).',
    );
  });

  it('when the rates are close, then there is no significant difference (p = 0.57)', () => {
    const result = compareRates({ arm: 'formal', successes: 50, trials: 100 }, { arm: 'warm', successes: 54, trials: 100 }, contactRate);
    expect(result.pValue).toBeCloseTo(0.5712996, 6);
    expect(result.verdict).toBe('not-significant');
    expect(result.explanation).toBe('No significant difference in right-party contact rate between warm and formal (54% vs 50%, p = 0.57).');
  });

  it('when p is below 0.001, then the explanation says "p < 0.001"', () => {
    const result = compareRates({ arm: 'formal', successes: 38, trials: 100 }, { arm: 'warm', successes: 62, trials: 100 }, contactRate);
    expect(result.pValue).toBeCloseTo(0.000688514, 8);
    expect(result.explanation).toBe('warm has a higher right-party contact rate than formal (62% vs 38%, p < 0.001).');
  });

  it(`when an arm has fewer than ${MIN_PEOPLE_PER_ARM} people, then there is not enough data, naming that arm`, () => {
    const result = compareRates(formal, { arm: 'warm', successes: 3, trials: 4 }, contactRate);
    expect(result).toMatchObject({ verdict: 'not-enough-data', pValue: null });
    expect(result.explanation).toBe(
      'Not enough data yet: each arm needs at least 10 people and 5 expected successes and failures (warm has 4 people).',
    );
  });

  it('when successes are so rare that an arm expects fewer than 5, then there is not enough data, naming that arm', () => {
    // Pooled 6/120 = 5%: formal's 100 people expect 5, warm's 20 expect 1.
    const result = compareRates({ arm: 'formal', successes: 4, trials: 100 }, { arm: 'warm', successes: 2, trials: 20 }, contactRate);
    expect(result).toMatchObject({ verdict: 'not-enough-data', pValue: null });
    expect(result.difference.value).toBeCloseTo(0.06, 10);
    expect(result.difference.low).toBe(result.difference.value);
    expect(result.difference.high).toBe(result.difference.value);
    expect(result.explanation).toBe(
      "Not enough data yet: each arm needs at least 10 people and 5 expected successes and failures (at the overall rate of 5%, warm's 20 people would expect only 1 success).",
    );
  });

  it('when nobody has been tried at all, then there is not enough data rather than NaN', () => {
    const result = compareRates({ arm: 'formal', successes: 0, trials: 0 }, { arm: 'warm', successes: 0, trials: 0 }, contactRate);
    expect(result.verdict).toBe('not-enough-data');
    expect(result.difference).toEqual({ value: 0, low: 0, high: 0 });
    expect(result.explanation).toContain('formal has 0 people and warm has 0 people');
  });
});

describe('compareMeans', () => {
  it("when run on Welch's example, then it gives the textbook p and the Welch interval of the difference", () => {
    const result = compareMeans(welchA, welchB, { metricLabel: 'score' });
    expect(result.test).toBe('Welch t-test');
    expect(result.pValue).toBeCloseTo(0.0213780, 6);
    expect(result.difference.value).toBeCloseTo(2.1666667, 6);
    expect(result.difference.low).toBeCloseTo(0.3492371, 5);
    expect(result.difference.high).toBeCloseTo(3.9840963, 5);
    expect(result.verdict).toBe('significant');
  });

  it('when nobody in the control paid but some in the variant did, then Welch still works with one zero variance', () => {
    const nobodyPaid = { arm: 'formal', values: Array<number>(10).fill(0) };
    const somePaid = { arm: 'warm', values: [0, 1500, 0, 2500, 0, 0, 4000, 0, 1000, 0] };
    const result = compareMeans(nobodyPaid, somePaid, collected);
    expect(result.pValue).toBeCloseTo(0.0709728, 6);
    expect(result.difference.low).toBeCloseTo(-94.6634132, 4);
    expect(result.difference.high).toBeCloseTo(1894.6634132, 4);
    expect(result.explanation).toBe('No significant difference in amount collected per account between warm and formal (9.00 vs 0.00, p = 0.071).');
  });

  it('when money differs significantly, then the explanation prints both means in major units', () => {
    const cents = (sample: MeanSample) => ({ ...sample, values: sample.values.map((x) => x * 100) });
    expect(compareMeans(cents(welchA), cents(welchB), collected).explanation).toBe(
      'warm has a higher amount collected per account than formal (22.99 vs 20.82, p = 0.021).',
    );
  });

  it('when an arm has too few people, then there is not enough data, naming that arm', () => {
    const result = compareMeans(welchA, { arm: 'warm', values: [1, 2, 3] }, collected);
    expect(result).toMatchObject({ verdict: 'not-enough-data', pValue: null });
    expect(result.explanation).toBe('Not enough data yet: each arm needs at least 10 people (warm has 3 people).');
  });

  it('when nobody in either arm has paid, then there is nothing to test yet', () => {
    const nobodyPaid = (arm: string) => ({ arm, values: Array<number>(12).fill(0) });
    const result = compareMeans(nobodyPaid('formal'), nobodyPaid('warm'), collected);
    expect(result).toMatchObject({ verdict: 'not-enough-data', pValue: null, difference: { value: 0, low: 0, high: 0 } });
    expect(result.explanation).toBe(
      'Not enough data yet: everyone in formal has the same amount collected per account (0.00), and so does everyone in warm (0.00).',
    );
  });
});
