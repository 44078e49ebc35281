import { DateTime, Duration } from 'luxon';

// Times as a timeline gives them: UTC, and the person's own zone, where contact windows and
// Regulation F's days are reckoned.

export interface Clock {
  readonly timeZone: string;
  /** ISO 8601 UTC. */
  utc(ms: number): string;
  /** ISO 8601 in the person's zone, with its offset. */
  localIso(ms: number): string;
  /** '2026-12-01 20:05:00 EST' */
  local(ms: number): string;
  /** '2026-12-01 01:05:00Z' */
  utcText(ms: number): string;
  /** A moment inside a sentence: '20:05 local', or '2026-12-08 08:00 local' when not on `sameDayAs`'s local day. */
  when(ms: number, sameDayAs?: number): string;
}

export function clockIn(timeZone: string): Clock {
  const local = (ms: number) => DateTime.fromMillis(ms, { zone: timeZone });
  return {
    timeZone,
    utc: (ms) => new Date(ms).toISOString(),
    localIso: (ms) => local(ms).toISO() ?? new Date(ms).toISOString(),
    local: (ms) => local(ms).toFormat('yyyy-MM-dd HH:mm:ss ZZZZ'),
    utcText: (ms) => DateTime.fromMillis(ms, { zone: 'utc' }).toFormat("yyyy-MM-dd HH:mm:ss'Z'"),
    when: (ms, sameDayAs) => {
      const sameDay = sameDayAs !== undefined && local(ms).toISODate() === local(sameDayAs).toISODate();
      return `${local(ms).toFormat(sameDay ? 'HH:mm' : 'yyyy-MM-dd HH:mm')} local`;
    },
  };
}

/** '2 hours', '1 day, 3 hours': the units that are not zero. */
export function spokenMillis(ms: number): string {
  const parts = Duration.fromMillis(Math.round(ms / 1000) * 1000).shiftTo('days', 'hours', 'minutes', 'seconds').toObject();
  const units = Object.fromEntries(Object.entries(parts).filter(([, value]) => value));
  return Object.keys(units).length === 0 ? 'no time' : Duration.fromObject(units).toHuman();
}

/** An ISO 8601 duration from a campaign ('PT1H') as words ('1 hour'). */
export function spokenDuration(iso: string): string {
  const duration = Duration.fromISO(iso);
  return duration.isValid ? spokenMillis(duration.toMillis()) : iso;
}
