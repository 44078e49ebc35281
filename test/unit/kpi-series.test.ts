import { describe, expect, it } from 'vitest';
import { addCollectionFacts, collectionKpis, noCollectionFacts, type CollectionFacts } from '../../src/kpi/collection-kpis';
import { seriesOf } from '../../src/kpi/dashboard-series';
import { bucketOf, bucketsOf, isTimeZone, localRange } from '../../src/kpi/time-buckets';

describe('time buckets', () => {
  it.each([
    { instant: '2026-12-01T04:00:00Z', timeZone: 'America/Chicago', size: 'day', bucket: '2026-11-30' },
    { instant: '2026-12-01T06:00:00Z', timeZone: 'America/Chicago', size: 'day', bucket: '2026-12-01' },
    { instant: '2026-12-01T16:00:00Z', timeZone: 'Asia/Shanghai', size: 'day', bucket: '2026-12-02' },
    { instant: '2026-12-01T16:00:00Z', timeZone: 'UTC', size: 'day', bucket: '2026-12-01' },
    { instant: '2026-12-03T12:00:00Z', timeZone: 'UTC', size: 'week', bucket: '2026-11-30' },
    { instant: '2026-11-30T03:00:00Z', timeZone: 'America/New_York', size: 'week', bucket: '2026-11-23' },
  ] as const)('when $instant is read by $size in $timeZone, then it is in $bucket', ({ instant, timeZone, size, bucket }) => {
    expect(bucketOf(new Date(instant), timeZone, size)).toBe(bucket);
  });

  it('when a local range is asked for, then it runs from the first local midnight to the one after the last day', () => {
    expect(localRange('2026-12-01', '2026-12-02', 'America/Chicago')).toEqual({ start: new Date('2026-12-01T06:00:00Z'), end: new Date('2026-12-03T06:00:00Z') });
    expect(localRange('2026-03-08', '2026-03-08', 'America/Chicago')).toEqual({ start: new Date('2026-03-08T06:00:00Z'), end: new Date('2026-03-09T05:00:00Z') });
  });

  it('when the buckets of a range are listed, then every day (or every week, from its Monday) is there in order', () => {
    expect(bucketsOf('2026-11-29', '2026-12-02', 'day')).toEqual(['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02']);
    expect(bucketsOf('2026-11-29', '2026-12-08', 'week')).toEqual(['2026-11-23', '2026-11-30', '2026-12-07']);
  });

  it.each([
    { name: 'Europe/Berlin', known: true },
    { name: 'UTC', known: true },
    { name: 'Mars/Olympus', known: false },
    { name: '', known: false },
  ])("when '$name' is checked, then it is a time zone: $known", ({ name, known }) => {
    expect(isTimeZone(name)).toBe(known);
  });
});

describe('a dashboard series', () => {
  const rules = { empty: noCollectionFacts, add: addCollectionFacts, kpis: collectionKpis };
  const counted = (hour: string, group: string, facts: Partial<CollectionFacts>) => ({ hour: new Date(hour), group, facts: { ...noCollectionFacts(), ...facts } });

  it('when hours of two groups are summed by local day, then each bucket, each group and the whole range carry their own facts and KPIs', () => {
    const series = seriesOf(
      [
        counted('2026-12-01T05:00:00Z', 'spring', { attempts: 2, liveContacts: 1 }),
        counted('2026-12-01T07:00:00Z', 'spring', { attempts: 2 }),
        counted('2026-12-01T07:00:00Z', 'autumn', { attempts: 1, liveContacts: 1 }),
      ],
      { from: '2026-11-30', to: '2026-12-01', timeZone: 'America/Chicago', bucket: 'day' },
      rules,
    );
    expect(series.groups).toEqual(['autumn', 'spring']);
    expect(series.buckets.map((b) => [b.bucket, b.groups.map((g) => [g.group, g.facts.attempts, g.kpis.contactRate])])).toEqual([
      ['2026-11-30', [['autumn', 0, null], ['spring', 2, 0.5]]],
      ['2026-12-01', [['autumn', 1, 1], ['spring', 2, 0]]],
    ]);
    expect(series.totals.map((t) => [t.group, t.kpis.contactRate])).toEqual([['autumn', 1], ['spring', 0.25]]);
    expect(series.overall.facts.attempts).toBe(5);
    expect(series.overall.kpis.contactRate).toBe(0.4);
  });

  it('when nothing was counted, then the buckets are there, without groups, and the overall KPIs are null', () => {
    const series = seriesOf([], { from: '2026-12-01', to: '2026-12-02', timeZone: 'UTC', bucket: 'day' }, rules);
    expect(series.buckets).toEqual([{ bucket: '2026-12-01', groups: [] }, { bucket: '2026-12-02', groups: [] }]);
    expect(series.overall.kpis.contactRate).toBeNull();
  });
});
