import { dashboardDimensions, type DashboardDimension } from '../../src/use-cases/dashboard-dimensions';

// What the collections figures are for: a local date range, the grouping, one campaign or all.

export interface CollectionFilters {
  from: string;
  to: string;
  bucket: 'day' | 'week';
  by: DashboardDimension;
  campaignId: string;
}

const byLabels: Record<DashboardDimension, string> = {
  campaign: 'Campaign',
  strategy: 'Strategy',
  segment: 'Segment',
  language: 'Language',
  channel: 'Channel',
  version: 'Campaign version',
};

/** The reader's own time zone: days begin at their midnight. */
export const readerTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The API path for these filters (GET /dashboards/collections). */
export function collectionsPath(filters: CollectionFilters): string {
  const { campaignId, ...rest } = filters;
  return `/dashboards/collections?${new URLSearchParams({ ...rest, timeZone: readerTimeZone, ...(campaignId ? { campaignId } : {}) })}`;
}

export function CollectionFiltersForm(props: { filters: CollectionFilters; campaignIds: string[]; onChange: (filters: CollectionFilters) => void }) {
  const { filters, onChange } = props;
  // A campaign chosen by a link may have no figures in the range, yet the select must still name it.
  const campaignIds = !filters.campaignId || props.campaignIds.includes(filters.campaignId) ? props.campaignIds : [filters.campaignId, ...props.campaignIds];
  const set = (field: keyof CollectionFilters) => (event: Event) => onChange({ ...filters, [field]: (event.currentTarget as HTMLInputElement).value });
  return (
    <form class="filters" aria-label="Dashboard filters" onSubmit={(event) => event.preventDefault()}>
      <label>
        From
        <input type="date" value={filters.from} max={filters.to} onChange={set('from')} />
      </label>
      <label>
        To
        <input type="date" value={filters.to} min={filters.from} onChange={set('to')} />
      </label>
      <label>
        Per
        <select value={filters.bucket} onChange={set('bucket')}>
          <option value="day">Day</option>
          <option value="week">Week</option>
        </select>
      </label>
      <label>
        Group by
        <select value={filters.by} onChange={set('by')}>
          {dashboardDimensions.map((by) => (
            <option value={by} key={by}>
              {byLabels[by]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Campaign
        <select value={filters.campaignId} onChange={set('campaignId')}>
          <option value="">All campaigns</option>
          {campaignIds.map((id) => (
            <option value={id} key={id}>
              {id}
            </option>
          ))}
        </select>
      </label>
      <p class="muted">Days in {readerTimeZone}</p>
    </form>
  );
}
