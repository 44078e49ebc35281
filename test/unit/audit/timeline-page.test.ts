import { describe, expect, it } from 'vitest';
import { beyondCursor, inWindow, pageStop, pageWindow, type TimelineCursor } from '../../../src/audit/timeline/timeline-page';

// Paging a timeline either way: forward from `after` (oldest first) or back from `before`
// (newest first). Walking the pages must give every moment once, whichever way and whatever limit.

describe('pageStop: where a page of the timeline stops', () => {
  it.each([
    { when: 'fewer candidates than the limit and no source had more', moments: [3, 1, 2], limit: 5, more: false, newest: false, expected: undefined },
    { when: 'more candidates than the limit', moments: [5, 1, 4, 2, 3], limit: 3, more: false, newest: false, expected: 3 },
    { when: 'a source gave all it was allowed', moments: [1, 2], limit: 2, more: true, newest: false, expected: 2 },
    { when: 'the limit falls inside a moment several entries share', moments: [1, 2, 2, 2, 3], limit: 2, more: true, newest: false, expected: 2 },
    { when: 'read newest first with more candidates than the limit', moments: [5, 1, 4, 2, 3], limit: 3, more: false, newest: true, expected: 3 },
    { when: 'read newest first and a source gave all it was allowed', moments: [9, 7], limit: 2, more: true, newest: true, expected: 7 },
    { when: 'read newest first and they are all there is', moments: [9, 7], limit: 5, more: false, newest: true, expected: undefined },
  ])('when $when, then it stops at $expected', ({ moments, limit, more, newest, expected }) => {
    expect(pageStop(moments, limit, more, newest)).toBe(expected);
  });
});

describe('pageWindow and beyondCursor: the moments one page holds', () => {
  it.each<{ cursor: TimelineCursor; stop: number | undefined; inside: number[]; outside: number[] }>([
    { cursor: { newest: false, after: 10 }, stop: 20, inside: [11, 20], outside: [10, 21] },
    { cursor: { newest: false, after: Number.NEGATIVE_INFINITY }, stop: undefined, inside: [-5, 1e15], outside: [] },
    { cursor: { newest: true, before: 20 }, stop: 10, inside: [10, 19], outside: [9, 20] },
    { cursor: { newest: true, before: Number.POSITIVE_INFINITY }, stop: undefined, inside: [-5, 1e15], outside: [] },
  ])('when the cursor is $cursor and the page stops at $stop, then it holds $inside and not $outside', ({ cursor, stop, inside, outside }) => {
    const window = pageWindow(cursor, stop);
    expect(inside.map((ms) => inWindow(window, ms) && beyondCursor(cursor, ms))).toEqual(inside.map(() => true));
    expect(outside.map((ms) => inWindow(window, ms) && beyondCursor(cursor, ms))).toEqual(outside.map(() => false));
  });

  /** Pages `moments` as the use case does: candidates from the cursor, at most `limit`, cut where the page stops. */
  function walk(moments: number[], limit: number, newest: boolean): number[][] {
    const pages: number[][] = [];
    let cursor: TimelineCursor = newest ? { newest, before: Number.POSITIVE_INFINITY } : { newest, after: Number.NEGATIVE_INFINITY };
    for (let guard = 0; guard < 100; guard++) {
      const beyond = moments.filter((ms) => beyondCursor(cursor, ms)).sort((a, b) => (newest ? b - a : a - b));
      const candidates = beyond.slice(0, limit);
      const stop = pageStop(candidates, limit, beyond.length > limit, newest);
      const window = pageWindow(cursor, stop);
      pages.push(beyond.filter((ms) => inWindow(window, ms)));
      if (stop === undefined) return pages;
      cursor = newest ? { newest, before: stop } : { newest, after: stop };
    }
    throw new Error('the pages never ended');
  }

  it.each([1, 2, 3, 10])('when moments (some shared) are paged %i at a time either way, then the pages join up to all of them, each once, in order', (limit) => {
    const moments = [1, 2, 2, 2, 3, 5, 8, 8, 13];
    expect(walk(moments, limit, false).flat()).toEqual(moments);
    expect(walk(moments, limit, true).flat()).toEqual([...moments].reverse());
  });
});
