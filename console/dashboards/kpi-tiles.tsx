import type { CollectionKpis } from '../../src/kpi/collection-kpis';
import { collectionKpiColumns, shown } from './kpi-format';

/** The range's KPIs at a glance, one tile each; "—" where nothing is under a ratio. */
export function KpiTiles(props: { kpis: CollectionKpis; label: string }) {
  return (
    <dl class="kpi-tiles" aria-label={props.label}>
      {collectionKpiColumns.map((column) => (
        <div class="kpi-tile" key={column.key}>
          <dt>{column.label}</dt>
          <dd>{shown(column, props.kpis[column.key])}</dd>
        </div>
      ))}
    </dl>
  );
}
