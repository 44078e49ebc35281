const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 1000;

/**
 * One page of a Twilio list resource, newest first, with the paging fields the official client
 * follows (next_page_uri). `filters` are the list's query parameters, kept in every page link.
 */
export function listPage<T, J>(
  records: readonly T[],
  render: (record: T) => J,
  key: string,
  path: string,
  query: Readonly<Record<string, string | undefined>>,
) {
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Number(query.PageSize) || DEFAULT_PAGE_SIZE));
  const page = Math.max(0, Number(query.Page) || 0);
  const newestFirst = [...records].reverse();
  const start = page * pageSize;
  const items = newestFirst.slice(start, start + pageSize);
  const link = (n: number) => {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined && name !== 'Page' && name !== 'PageSize' && name !== 'PageToken') params.set(name, value);
    }
    params.set('PageSize', String(pageSize));
    params.set('Page', String(n));
    return `${path}?${params.toString()}`;
  };
  return {
    [key]: items.map(render),
    end: Math.max(start, start + items.length - 1),
    first_page_uri: link(0),
    next_page_uri: start + pageSize < newestFirst.length ? link(page + 1) : null,
    page,
    page_size: pageSize,
    previous_page_uri: page > 0 ? link(page - 1) : null,
    start,
    uri: link(page),
  };
}
