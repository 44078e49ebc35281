import { useState } from 'preact/hooks';

// Lists read a page at a time: the API answers each page with the cursor of the next one, and the
// pages seen are kept so "Previous" goes back without the API reading backwards.

export interface Pages<Cursor> {
  /** The cursor of the page shown; undefined on the first. */
  current: Cursor | undefined;
  first: boolean;
  next(cursor: Cursor): void;
  previous(): void;
}

export function usePages<Cursor>(): Pages<Cursor> {
  const [cursors, setCursors] = useState<Array<Cursor | undefined>>([undefined]);
  return {
    current: cursors[cursors.length - 1],
    first: cursors.length === 1,
    next: (cursor) => setCursors((seen) => [...seen, cursor]),
    previous: () => setCursors((seen) => (seen.length > 1 ? seen.slice(0, -1) : seen)),
  };
}

/** Previous and Next, for the list `label` names; Next only when the API gave a next cursor. */
export function Pager<Cursor>(props: { pages: Pages<Cursor>; next?: Cursor; label: string }) {
  const { pages, next } = props;
  if (pages.first && next === undefined) return null;
  return (
    <nav class="actions" aria-label={`Pages of ${props.label}`}>
      <button type="button" disabled={pages.first} onClick={pages.previous}>
        Previous page
      </button>
      <button type="button" disabled={next === undefined} onClick={() => next !== undefined && pages.next(next)}>
        Next page
      </button>
    </nav>
  );
}

/** `path` with the query's defined values added. */
export function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const defined = Object.entries(query).filter((entry): entry is [string, string | number] => entry[1] !== undefined);
  if (defined.length === 0) return path;
  return `${path}?${new URLSearchParams(defined.map(([key, value]) => [key, String(value)])).toString()}`;
}
