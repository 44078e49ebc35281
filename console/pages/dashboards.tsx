import { useState } from 'preact/hooks';
import type { CollectionsDashboard } from '../../src/kpi/dashboard-views';
import { Loading, useApi } from '../ui';
import { CollectionFiltersForm, collectionsPath, type CollectionFilters } from '../dashboards/collection-filters';
import { KpiTiles } from '../dashboards/kpi-tiles';
import { KpiTrends } from '../dashboards/kpi-trends';
import { GroupTable } from '../dashboards/group-table';
import { SurveySection } from '../dashboards/survey-section';
import { ExperimentsSection } from '../experiments/experiments-section';
import { campaignKind } from '../outreach/kinds';
import './dashboards.css';

// The dashboards: collections KPIs over a date range, by day or week and by a dimension, then the
// surveys' figures for the same range. Every figure is the API's (GET /dashboards/collections and
// GET /dashboards/surveys), computed by the KPIs' one definition in src/kpi. With one campaign
// chosen, its script experiments follow its figures, read-only (arms are stopped on its own page).

const localDay = (daysAgo: number) => {
  const day = new Date(Date.now() - daysAgo * 86_400_000);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
};

/** The filters a link can carry (?from=&to=&by=&bucket=&campaignId=), else the last 30 days by campaign. */
function initialFilters(): CollectionFilters {
  const query = new URLSearchParams(location.search);
  const bucket = query.get('bucket') === 'week' ? 'week' : 'day';
  return {
    from: query.get('from') ?? localDay(29),
    to: query.get('to') ?? localDay(0),
    bucket,
    by: (query.get('by') as CollectionFilters['by'] | null) ?? 'campaign',
    campaignId: query.get('campaignId') ?? '',
  };
}

export function DashboardsPage(_props: { params: Record<string, string> }) {
  const [filters, setFilters] = useState(initialFilters);
  const loaded = useApi<CollectionsDashboard>(collectionsPath(filters));
  const [campaignIds, setCampaignIds] = useState<string[]>([]);
  const known = loaded.data?.campaignIds ?? campaignIds;
  if (loaded.data && loaded.data.campaignIds.join() !== campaignIds.join()) setCampaignIds(loaded.data.campaignIds);
  return (
    <div class="dashboards">
      <h1>Dashboards</h1>
      <CollectionFiltersForm filters={filters} campaignIds={known} onChange={setFilters} />
      <section aria-labelledby="collections-figures">
        <h2 id="collections-figures">Collections</h2>
        <Loading loaded={loaded}>
          {(dashboard) => (
            <>
              <KpiTiles kpis={dashboard.overall.kpis} label="Collections KPIs" />
              <GroupTable by={dashboard.by} totals={dashboard.totals} />
              <KpiTrends dashboard={dashboard} bucket={filters.bucket} />
            </>
          )}
        </Loading>
      </section>
      {filters.campaignId && <ExperimentsSection key={filters.campaignId} kind={campaignKind} id={filters.campaignId} />}
      <SurveySection range={{ from: filters.from, to: filters.to, bucket: filters.bucket }} />
    </div>
  );
}
