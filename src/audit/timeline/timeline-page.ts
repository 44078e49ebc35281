// Where one page of a timeline starts and stops. A page runs forward from a cursor (oldest first,
// the auditor's reading order) or back from one (newest first, the console's): either way it holds
// every entry of the moment it stops at, so a moment is never split across two pages.

export type TimelineCursor = { newest: false; after: number } | { newest: true; before: number };

/** The moments (epoch ms) a page holds: (after, until], as `timelineEntries` takes them. */
export interface PageWindow {
  after: number;
  until: number;
}

/** Whether a moment lies beyond the cursor, the way the page runs (where its candidates come from). */
export function beyondCursor(cursor: TimelineCursor, ms: number): boolean {
  return cursor.newest ? ms < cursor.before : ms > cursor.after;
}

/**
 * Where a page stops, given the moments of its candidates (each source read from the cursor, at
 * most `limit` each, the way the page runs) and whether any source had more to give: the moment of
 * the `limit`-th one, so every entry of that moment is on this page and the next page starts past
 * it; undefined when the candidates are all there is.
 */
export function pageStop(moments: readonly number[], limit: number, sourceHadMore: boolean, newest: boolean): number | undefined {
  const sorted = [...moments].sort((a, b) => (newest ? b - a : a - b));
  if (sorted.length > limit) return sorted[limit - 1];
  return sourceHadMore ? sorted.at(-1) : undefined;
}

/** The window between the cursor and where the page stops (moments are whole milliseconds). */
export function pageWindow(cursor: TimelineCursor, stop: number | undefined): PageWindow {
  if (!cursor.newest) return { after: cursor.after, until: stop ?? Number.POSITIVE_INFINITY };
  return { after: stop === undefined ? Number.NEGATIVE_INFINITY : stop - 1, until: cursor.before - 1 };
}

export const inWindow = (window: PageWindow, ms: number): boolean => ms > window.after && ms <= window.until;
