import { DateTime } from 'luxon';
import { minuteOfDay, weekdays, type Channel } from '../campaigns/campaign-notation';
import type { ContactWindow } from '../campaigns/campaign-schema';
import { earliestCallAllowedByCaps, type CallCapKind, type CallCapRules, type CallHistory } from './regulation-f';

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

/** Which rule held a contact back: the window's hours, weekdays or blackout dates, or a call cap (regulation-f.ts). */
export type DeferralKind = 'outside-hours' | 'not-a-contact-day' | 'blackout-date' | CallCapKind;

export interface Deferral {
  kind: DeferralKind;
  /** Epoch ms the rule holds the contact until. */
  until: number;
  reason: string;
}

/** Each rule moves the candidate forward; a year of blackout dates needs about 3 steps a day. */
const maxSteps = 4000;

export interface AllowedMoment {
  at: number;
  /** Why it is later than asked ('blackout date 2026-12-25; outside calling hours 08:00-21:00 America/New_York'), or 'allowed now'. */
  reason: string;
  /** Each rule that moved it, in the order they did, once each (the latest `until` of a rule met twice). */
  deferrals: Deferral[];
}

/** `now` when a contact is allowed now, else the earliest later instant that satisfies every rule, and the rules that made it later. */
export function nextAllowedMoment(args: NextAllowedMomentArgs): AllowedMoment {
  const deferrals: Deferral[] = [];
  let candidate = args.now;
  for (let step = 0; step < maxSteps; step++) {
    const deferral = firstRuleBroken(candidate, args);
    const reasons = deferrals.map((d) => d.reason);
    if (!deferral) return { at: candidate, reason: reasons.length > 0 ? reasons.join('; ') : 'allowed now', deferrals };
    const seen = deferrals.findIndex((d) => d.reason === deferral.reason);
    if (seen < 0) deferrals.push(deferral);
    else deferrals[seen] = deferral;
    candidate = deferral.until;
  }
  const reasons = deferrals.map((d) => d.reason).join('; ');
  throw new Error(`no allowed contact moment found after ${maxSteps} steps (${reasons}): check the campaign's weekdays and blackout dates`);
}

function firstRuleBroken(at: number, args: NextAllowedMomentArgs): Deferral | null {
  const { timeZone, contactWindow } = args;
  const local = DateTime.fromMillis(at, { zone: timeZone });
  if (!local.isValid) throw new RangeError(`unknown time zone '${timeZone}'`);
  const date = local.toISODate();
  const nextDay = local.startOf('day').plus({ days: 1 }).toMillis();

  if (contactWindow.blackoutDates.includes(date)) return { kind: 'blackout-date', until: nextDay, reason: `blackout date ${date}` };
  if (!contactWindow.weekdays.includes(weekdays[local.weekday - 1])) {
    return { kind: 'not-a-contact-day', until: nextDay, reason: `${local.setLocale('en').weekdayLong} is not a contact day` };
  }

  const outsideHours = `outside calling hours ${contactWindow.start}-${contactWindow.end} ${timeZone}`;
  const localMinute = local.hour * 60 + local.minute;
  const start = minuteOfDay(contactWindow.start);
  if (localMinute < start) return { kind: 'outside-hours', until: windowStartToday(local, start), reason: outsideHours };
  if (localMinute >= minuteOfDay(contactWindow.end)) return { kind: 'outside-hours', until: nextDay, reason: outsideHours };

  if (args.channel === 'voice') {
    const caps = earliestCallAllowedByCaps({ now: at, timeZone, history: args.history, rules: args.frequencyCaps });
    if (caps.kind !== null) return { kind: caps.kind, until: caps.at, reason: caps.reason };
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
