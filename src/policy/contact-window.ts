import { DateTime } from 'luxon';
import { minuteOfDay, weekdays, type Channel } from '../campaigns/campaign-notation';
import type { ContactWindow } from '../campaigns/campaign-schema';
import { earliestCallAllowedByCaps, type CallCapRules, type CallHistory } from './regulation-f';

// When a contact may happen, all in the debtor's own zone: the campaign's daily hours (which
// validation keeps inside the §1006.6(b)(1)(i) 08:00-21:00 unless the campaign is not under US law),
// its contact weekdays and blackout dates, and for calls the Regulation F caps (regulation-f.ts).
// The window's end is exclusive: a contact at exactly 21:00 is "after 9 p.m.".

export interface NextAllowedMomentArgs {
  /** Epoch milliseconds (UTC). */
  now: number;
  /** The debtor's IANA zone. */
  timeZone: string;
  channel: Channel;
  contactWindow: ContactWindow;
  frequencyCaps: CallCapRules;
  history: CallHistory;
}

interface Deferral {
  until: number;
  reason: string;
}

/** Each rule moves the candidate forward; a year of blackout dates needs about 3 steps a day. */
const maxSteps = 4000;

/**
 * `now` when a contact is allowed now, else the earliest later instant that satisfies every rule,
 * with the reasons it is later ('blackout date 2026-12-25; outside calling hours 08:00-21:00 America/New_York').
 */
export function nextAllowedMoment(args: NextAllowedMomentArgs): { at: number; reason: string } {
  const reasons: string[] = [];
  let candidate = args.now;
  for (let step = 0; step < maxSteps; step++) {
    const deferral = firstRuleBroken(candidate, args);
    if (!deferral) return { at: candidate, reason: reasons.length > 0 ? reasons.join('; ') : 'allowed now' };
    if (!reasons.includes(deferral.reason)) reasons.push(deferral.reason);
    candidate = deferral.until;
  }
  throw new Error(`no allowed contact moment found after ${maxSteps} steps (${reasons.join('; ')}): check the campaign's weekdays and blackout dates`);
}

function firstRuleBroken(at: number, args: NextAllowedMomentArgs): Deferral | null {
  const { timeZone, contactWindow } = args;
  const local = DateTime.fromMillis(at, { zone: timeZone });
  if (!local.isValid) throw new RangeError(`unknown time zone '${timeZone}'`);
  const date = local.toISODate();
  const nextDay = local.startOf('day').plus({ days: 1 }).toMillis();

  if (contactWindow.blackoutDates.includes(date)) return { until: nextDay, reason: `blackout date ${date}` };
  if (!contactWindow.weekdays.includes(weekdays[local.weekday - 1])) {
    return { until: nextDay, reason: `${local.setLocale('en').weekdayLong} is not a contact day` };
  }

  const outsideHours = `outside calling hours ${contactWindow.start}-${contactWindow.end} ${timeZone}`;
  const localMinute = local.hour * 60 + local.minute;
  const start = minuteOfDay(contactWindow.start);
  if (localMinute < start) return { until: windowStartToday(local, start), reason: outsideHours };
  if (localMinute >= minuteOfDay(contactWindow.end)) return { until: nextDay, reason: outsideHours };

  if (args.channel === 'voice') {
    const caps = earliestCallAllowedByCaps({ now: at, timeZone, history: args.history, rules: args.frequencyCaps });
    if (caps.reason !== null) return { until: caps.at, reason: caps.reason };
  }
  return null;
}

/**
 * The first instant of today whose wall-clock time is the window start. On a spring-forward day a
 * start inside the skipped hour does not exist and luxon moves it forward by the gap (never earlier
 * than allowed). On a fall-back day a start inside the repeated hour resolves to its first
 * occurrence, which can lie before `local` (already in the second occurrence): then the start is
 * reached after the remaining wall-clock minutes.
 */
function windowStartToday(local: DateTime, startMinute: number): number {
  const start = local.set({ hour: Math.floor(startMinute / 60), minute: startMinute % 60, second: 0, millisecond: 0 }).toMillis();
  if (start > local.toMillis()) return start;
  const wallClockMsToStart = (startMinute - (local.hour * 60 + local.minute)) * 60_000 - local.second * 1000 - local.millisecond;
  return local.toMillis() + wallClockMsToStart;
}
