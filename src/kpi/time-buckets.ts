import { DateTime } from 'luxon';

// Dashboards count by UTC hour and show by day or week in the reader's time zone: an hour belongs
// to the local day its first instant falls on (in a zone with a half-hour offset, the half hour
// across midnight counts on the earlier day).

export type BucketSize = 'day' | 'week';

/** The UTC instants a local date range covers: from the start of `from` to the end of `to`. */
export function localRange(from: string, to: string, timeZone: string): { start: Date; end: Date } {
  const start = DateTime.fromISO(from, { zone: timeZone }).startOf('day');
  const end = DateTime.fromISO(to, { zone: timeZone }).plus({ days: 1 }).startOf('day');
  return { start: start.toJSDate(), end: end.toJSDate() };
}

/** The bucket an instant is in: its local date, or the Monday of its local week (ISO weeks). */
export function bucketOf(instant: Date, timeZone: string, size: BucketSize): string {
  const local = DateTime.fromJSDate(instant, { zone: timeZone });
  return (size === 'week' ? local.startOf('week') : local).toISODate() ?? '';
}

/** Every bucket of a local date range, in order, so that a day with nothing shows as such. */
export function bucketsOf(from: string, to: string, size: BucketSize): string[] {
  const buckets: string[] = [];
  const last = DateTime.fromISO(to, { zone: 'utc' });
  let day = DateTime.fromISO(from, { zone: 'utc' });
  if (size === 'week') day = day.startOf('week');
  for (; day <= last; day = day.plus(size === 'week' ? { weeks: 1 } : { days: 1 })) buckets.push(day.toISODate() ?? '');
  return buckets;
}

/** A time zone name the runtime knows. */
export function isTimeZone(name: string): boolean {
  return DateTime.local().setZone(name).isValid;
}
