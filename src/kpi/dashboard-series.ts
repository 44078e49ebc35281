import { bucketOf, bucketsOf, type BucketSize } from './time-buckets';

// Hourly counters summed into buckets (days or weeks in a time zone) and groups, then turned into
// KPIs by the caller's definition. Pure: the counters come from the rollups, read by the use case.

export interface CountedHour<Facts> {
  hour: Date;
  group: string;
  facts: Facts;
}

export interface FactsAndKpis<Facts, Kpis> {
  facts: Facts;
  kpis: Kpis;
}

export interface Series<Facts, Kpis> {
  /** Every group that has any count in the range, in order. */
  groups: string[];
  buckets: Array<{ bucket: string; groups: Array<{ group: string } & FactsAndKpis<Facts, Kpis>> }>;
  totals: Array<{ group: string } & FactsAndKpis<Facts, Kpis>>;
  overall: FactsAndKpis<Facts, Kpis>;
}

export interface SeriesRules<Facts, Kpis> {
  empty: () => Facts;
  add: (sum: Facts, more: Facts) => void;
  kpis: (facts: Facts) => Kpis;
}

export function seriesOf<Facts, Kpis>(
  hours: ReadonlyArray<CountedHour<Facts>>,
  range: { from: string; to: string; timeZone: string; bucket: BucketSize },
  rules: SeriesRules<Facts, Kpis>,
): Series<Facts, Kpis> {
  const groups = [...new Set(hours.map((h) => h.group))].sort();
  const cells = new Map<string, Facts>();
  const cell = (key: string) => cells.get(key) ?? cells.set(key, rules.empty()).get(key)!;
  for (const { hour, group, facts } of hours) {
    const bucket = bucketOf(hour, range.timeZone, range.bucket);
    for (const key of [`${bucket}\n${group}`, `*\n${group}`, '*\n*']) rules.add(cell(key), facts);
  }
  const withKpis = (facts: Facts) => ({ facts, kpis: rules.kpis(facts) });
  return {
    groups,
    buckets: bucketsOf(range.from, range.to, range.bucket).map((bucket) => ({
      bucket,
      groups: groups.map((group) => ({ group, ...withKpis(cells.get(`${bucket}\n${group}`) ?? rules.empty()) })),
    })),
    totals: groups.map((group) => ({ group, ...withKpis(cell(`*\n${group}`)) })),
    overall: withKpis(cell('*\n*')),
  };
}
