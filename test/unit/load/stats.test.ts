import { describe, expect, it } from 'vitest';
import { forEachLimited, percentile, perSecond, summarize } from '../../../src/load/stats';

describe('load harness statistics', () => {
  it.each([
    { p: 50, expected: 50 },
    { p: 95, expected: 95 },
    { p: 99, expected: 99 },
    { p: 100, expected: 100 },
    { p: 1, expected: 1 },
  ])('When 1..100 ms were measured, then p$p is $expected ms (nearest rank)', ({ p, expected }) => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, p)).toBe(expected);
  });

  it('When few values were measured, then p99 is the slowest one rather than an interpolation', () => {
    expect(percentile([3, 7, 40], 99)).toBe(40);
    expect(percentile([3, 7, 40], 50)).toBe(7);
  });

  it('When values arrive unsorted, then the summary sorts them and reports count, mean and max', () => {
    expect(summarize([30, 10, 20])).toEqual({ n: 3, p50: 20, p95: 30, p99: 30, mean: 20, max: 30 });
  });

  it('When nothing was measured, then every figure is empty instead of a made-up 0', () => {
    expect(summarize([])).toEqual({ n: 0, p50: null, p95: null, p99: null, mean: null, max: null });
  });

  it('When 200 debtors started in 2 s, then the rate is 100 per second', () => {
    expect(perSecond(200, 2_000)).toBe(100);
    expect(perSecond(5, 0)).toBe(0);
  });

  it('When work runs with a limit of 3, then never more than 3 are in flight and every item is done', async () => {
    let inFlight = 0;
    let most = 0;
    const done: number[] = [];
    await forEachLimited([1, 2, 3, 4, 5, 6, 7], 3, async (item) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      done.push(item);
    });
    expect(most).toBe(3);
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});
