import type { CollectionKpis } from '../../src/kpi/collection-kpis';

// How each collections KPI is named and written, in one place: the tiles, the charts and the
// tables use it, and the browser test writes the API's figures with it to compare them.

export interface KpiColumn {
  key: keyof CollectionKpis;
  label: string;
  format: (value: number) => string;
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const seconds = (value: number) => `${Math.round(value)} s`;
/** Minor units as a decimal amount: the rollups hold no currency, so none is named. */
const amount = (minor: number) => (minor / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const collectionKpiColumns: KpiColumn[] = [
  { key: 'contactRate', label: 'Contact rate', format: percent },
  { key: 'rightPartyContactRate', label: 'Right-party contact rate', format: percent },
  { key: 'promiseToPayRate', label: 'Promise-to-pay rate', format: percent },
  { key: 'keptPromiseRate', label: 'Kept-promise rate', format: percent },
  { key: 'collectedMinor', label: 'Collected', format: amount },
  { key: 'liquidationRate', label: 'Liquidation rate', format: percent },
  { key: 'cureRate', label: 'Cure rate', format: percent },
  { key: 'handOffRate', label: 'Hand-off rate', format: percent },
  { key: 'averageHandleSeconds', label: 'Average handle time', format: seconds },
];

/** A KPI as shown: "—" when nothing is under it (a zero denominator). */
export function shown(column: KpiColumn, value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : column.format(value);
}

export const percentOrDash = (value: number | null | undefined) => (value === null || value === undefined ? '—' : percent(value));
