import { DateTime } from 'luxon';

/** Today's calendar date (YYYY-MM-DD) where the debtor is: the day rules are judged in their zone. */
export function localToday(now: number, timeZone: string): string {
  return DateTime.fromMillis(now, { zone: timeZone }).toISODate() ?? '';
}

/** The calendar date `days` after `isoDate`. */
export function addDays(isoDate: string, days: number): string {
  return DateTime.fromISO(isoDate, { zone: 'utc' }).plus({ days }).toISODate() ?? '';
}
