// Statistics for A/B script experiments: an estimate per arm, and a test of each variant against the
// control with a verdict and one sentence a collections manager can act on. Pure: numbers in, numbers
// and words out.
import { jStat } from 'jstat';

export interface Estimate {
  value: number;
  low: number;
  high: number;
}
export type Verdict = 'significant' | 'not-significant' | 'not-enough-data';
export interface Comparison {
  test: 'two-proportion z-test' | 'Welch t-test';
  /**
   * Variant minus control, with its interval at 1 - alpha/comparisons, so that the interval excludes
   * zero exactly when the verdict is significant (up to the pooled/unpooled difference for rates).
   * With not enough data no interval is claimed: low = high = value.
   */
  difference: Estimate;
  /** null when there is not enough data to test */
  pValue: number | null;
  verdict: Verdict;
  /** One plain English sentence a collections manager understands. */
  explanation: string;
}
export interface RateSample {
  arm: string;
  successes: number;
  trials: number;
}
/** Values such as money collected per account, in minor units. */
export interface MeanSample {
  arm: string;
  values: number[];
}
export interface TestOptions {
  /** Default 0.05. */
  alpha?: number;
  /** Number of variant-vs-control comparisons in the experiment, for the Bonferroni correction; default 1. */
  comparisons?: number;
  /** What is compared, e.g. 'right-party contact rate'. */
  metricLabel: string;
}

export const MIN_PEOPLE_PER_ARM = 10;
/**
 * The z-test approximates the binomial by a normal distribution, which the textbooks accept when each
 * arm expects at least 5 successes and 5 failures at the pooled rate.
 */
const MIN_EXPECTED_COUNT = 5;
const DEFAULT_CONFIDENCE = 0.95;
const DEFAULT_ALPHA = 0.05;

/** The observed rate with its Wilson score interval, which stays inside [0, 1] and behaves near 0% and 100%. */
export function rateEstimate(sample: RateSample, confidence = DEFAULT_CONFIDENCE): Estimate {
  checkRateSample(sample);
  checkProbability('confidence', confidence);
  const n = sample.trials;
  if (n === 0) return { value: 0, low: 0, high: 1 };
  const p = sample.successes / n;
  const z = normalCritical(confidence);
  const shrink = (z * z) / n;
  const centre = (p + shrink / 2) / (1 + shrink);
  const halfWidth = (z / (1 + shrink)) * Math.sqrt((p * (1 - p)) / n + shrink / (4 * n));
  return { value: p, low: Math.max(0, centre - halfWidth), high: Math.min(1, centre + halfWidth) };
}

/**
 * The mean with its Student t interval. Fewer than two values give no spread to estimate; the interval
 * then collapses to the value (0 with no values) rather than to ±Infinity, which JSON turns into null
 * and charts cannot draw. Callers show the count beside it, and compareMeans refuses such arms.
 */
export function meanEstimate(sample: MeanSample, confidence = DEFAULT_CONFIDENCE): Estimate {
  checkMeanSample(sample);
  checkProbability('confidence', confidence);
  const { n, mean, variance } = summarise(sample.values);
  if (n < 2) return { value: mean, low: mean, high: mean };
  const halfWidth = tCritical(confidence, n - 1) * Math.sqrt(variance / n);
  return { value: mean, low: mean - halfWidth, high: mean + halfWidth };
}

/** Pooled two-proportion z-test, two-sided; the difference's interval is the unpooled (Wald) one. */
export function compareRates(control: RateSample, variant: RateSample, options: TestOptions): Comparison {
  checkRateSample(control);
  checkRateSample(variant);
  const { alpha, comparisons, metricLabel } = resolveOptions(options);
  const test = 'two-proportion z-test';
  const pc = control.trials === 0 ? 0 : control.successes / control.trials;
  const pv = variant.trials === 0 ? 0 : variant.successes / variant.trials;
  const shortage = rateShortage(control, variant);
  if (shortage !== undefined) {
    const explanation = `Not enough data yet: each arm needs at least ${MIN_PEOPLE_PER_ARM} people and ${MIN_EXPECTED_COUNT} expected successes and failures (${shortage}).`;
    return notEnoughData(test, pv - pc, explanation);
  }
  // The shortage rule guarantees 0 < pooled < 1, so the pooled standard error is positive.
  const pooled = (control.successes + variant.successes) / (control.trials + variant.trials);
  const pooledSe = Math.sqrt(pooled * (1 - pooled) * (1 / control.trials + 1 / variant.trials));
  const pValue = 2 * jStat.normal.cdf(-Math.abs((pv - pc) / pooledSe), 0, 1);
  // Unpooled, this can be 0 (0% against 100%); the interval then collapses to the difference.
  const waldSe = Math.sqrt((pc * (1 - pc)) / control.trials + (pv * (1 - pv)) / variant.trials);
  const halfWidth = normalCritical(1 - alpha / comparisons) * waldSe;
  const [controlShown, variantShown] = formatPercents(pc, pv);
  return decide({
    test,
    difference: { value: pv - pc, low: pv - pc - halfWidth, high: pv - pc + halfWidth },
    pValue,
    threshold: alpha / comparisons,
    comparisons,
    metricLabel,
    control: { arm: control.arm, shown: controlShown },
    variant: { arm: variant.arm, shown: variantShown },
  });
}

/** Welch's t-test (unequal variances, Welch–Satterthwaite degrees of freedom), two-sided. */
export function compareMeans(control: MeanSample, variant: MeanSample, options: TestOptions): Comparison {
  checkMeanSample(control);
  checkMeanSample(variant);
  const { alpha, comparisons, metricLabel } = resolveOptions(options);
  const test = 'Welch t-test';
  const c = summarise(control.values);
  const v = summarise(variant.values);
  const tooSmall = [control, variant].filter((s) => s.values.length < MIN_PEOPLE_PER_ARM);
  if (tooSmall.length > 0) {
    const who = tooSmall.map((s) => `${s.arm} has ${people(s.values.length)}`).join(' and ');
    return notEnoughData(test, v.mean - c.mean, `Not enough data yet: each arm needs at least ${MIN_PEOPLE_PER_ARM} people (${who}).`);
  }
  if (c.variance === 0 && v.variance === 0) {
    const explanation =
      `Not enough data yet: everyone in ${control.arm} has the same ${metricLabel} (${formatMoney(c.mean)}), ` +
      `and so does everyone in ${variant.arm} (${formatMoney(v.mean)}).`;
    return notEnoughData(test, v.mean - c.mean, explanation);
  }
  // At least one variance is positive, so the standard error and the df denominator are too.
  const se = Math.sqrt(c.variance / c.n + v.variance / v.n);
  const df = se ** 4 / ((c.variance / c.n) ** 2 / (c.n - 1) + (v.variance / v.n) ** 2 / (v.n - 1));
  const pValue = 2 * jStat.studentt.cdf(-Math.abs((v.mean - c.mean) / se), df);
  const halfWidth = tCritical(1 - alpha / comparisons, df) * se;
  const difference = v.mean - c.mean;
  return decide({
    test,
    difference: { value: difference, low: difference - halfWidth, high: difference + halfWidth },
    pValue,
    threshold: alpha / comparisons,
    comparisons,
    metricLabel,
    control: { arm: control.arm, shown: formatMoney(c.mean) },
    variant: { arm: variant.arm, shown: formatMoney(v.mean) },
  });
}

/** What keeps the z-test from being valid, naming the arms, or undefined when it is valid. */
function rateShortage(control: RateSample, variant: RateSample): string | undefined {
  const arms = [control, variant];
  const tooSmall = arms.filter((s) => s.trials < MIN_PEOPLE_PER_ARM);
  if (tooSmall.length > 0) return tooSmall.map((s) => `${s.arm} has ${people(s.trials)}`).join(' and ');
  const pooled = (control.successes + variant.successes) / (control.trials + variant.trials);
  const shortfalls = arms.flatMap((s) => {
    const successes = s.trials * pooled;
    const failures = s.trials * (1 - pooled);
    if (Math.min(successes, failures) >= MIN_EXPECTED_COUNT) return [];
    const expected = successes < failures ? counted(round1(successes), 'success', 'successes') : counted(round1(failures), 'failure', 'failures');
    return [`at the overall rate of ${formatPercent(pooled, 0)}, ${s.arm}'s ${people(s.trials)} would expect only ${expected}`];
  });
  return shortfalls.length > 0 ? shortfalls.join('; ') : undefined;
}

interface Decision {
  test: Comparison['test'];
  difference: Estimate;
  pValue: number;
  /** alpha / comparisons (Bonferroni). */
  threshold: number;
  comparisons: number;
  metricLabel: string;
  control: { arm: string; shown: string };
  variant: { arm: string; shown: string };
}

function decide(d: Decision): Comparison {
  const p = formatP(d.pValue);
  if (d.pValue < d.threshold) {
    const [higher, lower] = d.difference.value > 0 ? [d.variant, d.control] : [d.control, d.variant];
    return {
      test: d.test,
      difference: d.difference,
      pValue: d.pValue,
      verdict: 'significant',
      explanation: `${higher.arm} has a higher ${d.metricLabel} than ${lower.arm} (${higher.shown} vs ${lower.shown}, ${p}).`,
    };
  }
  // Without this, a manager who sees p = 0.03 beside "no significant difference" would suspect a bug.
  const corrected = d.comparisons > 1 ? `; with ${d.comparisons} comparisons it needs p < ${Number(d.threshold.toPrecision(2))}` : '';
  return {
    test: d.test,
    difference: d.difference,
    pValue: d.pValue,
    verdict: 'not-significant',
    explanation:
      `No significant difference in ${d.metricLabel} between ${d.variant.arm} and ${d.control.arm} ` +
      `(${d.variant.shown} vs ${d.control.shown}, ${p}${corrected}).`,
  };
}

function notEnoughData(test: Comparison['test'], difference: number, explanation: string): Comparison {
  return { test, difference: { value: difference, low: difference, high: difference }, pValue: null, verdict: 'not-enough-data', explanation };
}

function resolveOptions(options: TestOptions): { alpha: number; comparisons: number; metricLabel: string } {
  const alpha = options.alpha ?? DEFAULT_ALPHA;
  const comparisons = options.comparisons ?? 1;
  checkProbability('alpha', alpha);
  if (!Number.isInteger(comparisons) || comparisons < 1) throw new RangeError(`comparisons must be a whole number of at least 1, got ${comparisons}`);
  return { alpha, comparisons, metricLabel: options.metricLabel };
}

function summarise(values: number[]): { n: number; mean: number; variance: number } {
  const n = values.length;
  if (n === 0) return { n, mean: 0, variance: 0 };
  const mean = jStat.mean(values);
  // Equal values must give exactly 0 (the zero-variance rule), which floating-point sums may not.
  const allEqual = values.every((x) => x === values[0]);
  return { n, mean, variance: n < 2 || allEqual ? 0 : jStat.variance(values, true) };
}

/** The two-sided critical value of the standard normal distribution at this confidence. */
function normalCritical(confidence: number): number {
  return jStat.normal.inv(1 - (1 - confidence) / 2, 0, 1);
}

function tCritical(confidence: number, df: number): number {
  return jStat.studentt.inv(1 - (1 - confidence) / 2, df);
}

function checkProbability(name: string, x: number): void {
  if (!(x > 0 && x < 1)) throw new RangeError(`${name} must be between 0 and 1, got ${x}`);
}

function checkRateSample({ arm, successes, trials }: RateSample): void {
  if (!Number.isInteger(successes) || !Number.isInteger(trials) || successes < 0 || successes > trials) {
    throw new RangeError(`${arm}: successes and trials must be whole numbers with 0 <= successes <= trials, got ${successes}/${trials}`);
  }
}

function checkMeanSample({ arm, values }: MeanSample): void {
  if (!values.every(Number.isFinite)) throw new RangeError(`${arm}: every value must be a finite number`);
}

function formatP(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${Number(p.toPrecision(2))}`;
}

/** Whole percentages, or one decimal when whole ones would print two different rates alike. */
function formatPercents(a: number, b: number): [string, string] {
  const whole = [formatPercent(a, 0), formatPercent(b, 0)] as const;
  return whole[0] === whole[1] && a !== b ? [formatPercent(a, 1), formatPercent(b, 1)] : [whole[0], whole[1]];
}

function formatPercent(rate: number, decimals: number): string {
  return `${(rate * 100).toFixed(decimals)}%`;
}

/** Minor units to major ones; the caller adds the currency. */
function formatMoney(minorUnits: number): string {
  return (minorUnits / 100).toFixed(2);
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

function people(n: number): string {
  return counted(n, 'person', 'people');
}

function counted(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
