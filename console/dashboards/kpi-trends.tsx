import { useMemo } from 'preact/hooks';
import type { CollectionsDashboard } from '../../src/kpi/dashboard-views';
import { LineChart } from '../charts/line-chart';
import { collectionKpiColumns } from './kpi-format';

/** One trend chart per KPI: a line per group over the range's days or weeks. */
export function KpiTrends(props: { dashboard: CollectionsDashboard; bucket: 'day' | 'week' }) {
  const { dashboard } = props;
  const labels = useMemo(() => dashboard.buckets.map((b) => b.bucket), [dashboard]);
  return (
    <div class="kpi-trends">
      {collectionKpiColumns.map((column) => (
        <section class="card" key={column.key} aria-label={`${column.label} over time`}>
          <h3>{column.label}</h3>
          <Trend dashboard={dashboard} labels={labels} kpi={column.key} label={`${column.label} per ${props.bucket} and ${dashboard.by}`} format={column.format} bucket={props.bucket} />
        </section>
      ))}
    </div>
  );
}

function Trend(props: { dashboard: CollectionsDashboard; labels: string[]; kpi: (typeof collectionKpiColumns)[number]['key']; label: string; format: (value: number) => string; bucket: string }) {
  const { dashboard, kpi } = props;
  const series = useMemo(
    () => dashboard.groups.map((group, index) => ({ name: group, values: dashboard.buckets.map((b) => b.groups[index]?.kpis[kpi] ?? null) })),
    [dashboard, kpi],
  );
  return <LineChart label={props.label} labels={props.labels} series={series} category={props.bucket === 'week' ? 'Week of' : 'Day'} format={props.format} />;
}
