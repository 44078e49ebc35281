import type { CollectionFacts, CollectionKpis } from '../../src/kpi/collection-kpis';
import { collectionKpiColumns, shown } from './kpi-format';

/** The range's KPIs per group, one row each, with the attempts and accounts they stand on. */
export function GroupTable(props: { by: string; totals: Array<{ group: string; facts: CollectionFacts; kpis: CollectionKpis }> }) {
  if (props.totals.length === 0) return <p class="muted">Nothing was counted in this range.</p>;
  return (
    // Focusable, so a keyboard can scroll the table sideways on a narrow screen.
    <div class="table-wrap" tabIndex={0} role="region" aria-label={`KPIs per ${props.by}, scrolls sideways`}>
      <table class="group-table">
        <caption>KPIs per {props.by}</caption>
        <thead>
          <tr>
            <th scope="col">{props.by}</th>
            <th scope="col" class="num">
              Attempts
            </th>
            <th scope="col" class="num">
              Accounts
            </th>
            {collectionKpiColumns.map((column) => (
              <th scope="col" class="num" key={column.key}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.totals.map((row) => (
            <tr key={row.group}>
              <th scope="row">{row.group}</th>
              <td class="num">{row.facts.attempts}</td>
              <td class="num">{row.facts.accountsAssigned}</td>
              {collectionKpiColumns.map((column) => (
                <td class="num" key={column.key}>
                  {shown(column, row.kpis[column.key])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
