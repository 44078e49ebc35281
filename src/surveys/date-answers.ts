import { DateTime } from 'luxon';
import { findDate } from '../dialog/spoken-dates';
import type { Reading } from './answer-reading';
import type { DateRange } from './question-types';
import { COUNT, count } from './spoken-quantities';

/**
 * Dates for survey questions. spoken-dates.ts reads dates ahead, as promises to pay are; a survey
 * more often asks when something happened. When the question's whole range lies before today,
 * a date said without a year, month or week ("on Friday", "the 20th", "11月20号") is the last one
 * before today, and "last Friday" is the most recent Friday. "上周五" is Friday of the previous
 * Monday-to-Sunday week, as Chinese counts weeks.
 */
export interface DateContext {
  now: number;
  timeZone: string;
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const CHINESE_WEEKDAYS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };

type Resolve = (match: RegExpExecArray, today: DateTime) => DateTime;

/** Said only of the past, so read whatever the question's range; most specific first. */
const PAST: ReadonlyArray<[RegExp, Resolve]> = [
  [/\bday\s+before\s+yesterday\b|大前天/g, (m, t) => t.minus({ days: m[0] === '大前天' ? 3 : 2 })],
  [/前天/g, (_m, t) => t.minus({ days: 2 })],
  [/\byesterday\b|昨天|昨晚|昨日/g, (_m, t) => t.minus({ days: 1 })],
  [new RegExp(`\\b${COUNT}\\s+days?\\s+ago\\b|${COUNT}\\s*天\\s*(?:以|之)?前`, 'g'), (m, t) => t.minus({ days: count(m[1] ?? m[2]) })],
  [new RegExp(`\\b${COUNT}\\s+weeks?\\s+ago\\b|${COUNT}\\s*个?\\s*(?:星期|周|礼拜)\\s*(?:以|之)?前`, 'g'), (m, t) => t.minus({ weeks: count(m[1] ?? m[2]) })],
  [/\blast\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/g, (m, t) => mostRecent(t, WEEKDAYS.indexOf(m[1] ?? '') + 1)],
  [/上个?(?:周|星期|礼拜)([一二三四五六日天1-7])/g, (m, t) => inPreviousWeek(t, weekdayNumber(m[1]))],
];

const LAST_WEEK = /\blast\s+week\b|上个?(?:周|星期|礼拜)(?![一二三四五六日天1-7])/;
const BARE_WEEKDAY = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|(?:周|星期|礼拜)([一二三四五六日天1-7])/g;

function weekdayNumber(raw: string | undefined): number {
  return CHINESE_WEEKDAYS[raw ?? ''] ?? Number(raw);
}

function mostRecent(today: DateTime, weekday: number): DateTime {
  return today.minus({ days: (today.weekday - weekday + 7) % 7 || 7 });
}

function inPreviousWeek(today: DateTime, weekday: number): DateTime {
  return today.startOf('week').minus({ weeks: 1 }).plus({ days: weekday - 1 });
}

/** The words fixed the month ("November 20th", "11/20", "11月20号"), so only the year can move. */
const MONTH_NAMED = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|月|\//;

function blank(match: string): string {
  return ' '.repeat(match.length);
}

/** A date read ahead moved back to the last one before today: by a week, a month or a year, as its words fixed it. */
function backToPast(date: DateTime, said: string, today: DateTime): DateTime {
  if (date <= today) return date;
  const unit = MONTH_NAMED.test(said) ? { years: 1 } : { months: 1 };
  return date.minus(unit);
}

function aheadDates(text: string, today: DateTime, context: DateContext, past: boolean): DateTime[] {
  const dates: DateTime[] = [];
  let rest = text;
  for (let mention = findDate(rest, context.now, context.timeZone); mention; mention = findDate(rest, context.now, context.timeZone)) {
    const said = rest.slice(mention.start, mention.end);
    const date = DateTime.fromISO(mention.isoDate, { zone: context.timeZone });
    dates.push(past ? backToPast(date, said, today) : date);
    rest = rest.slice(0, mention.start) + blank(said) + rest.slice(mention.end);
  }
  return dates;
}

function pastDates(text: string, today: DateTime, lastWeek: boolean): { dates: DateTime[]; rest: string } {
  const dates: DateTime[] = [];
  const resolveAll = (acc: string, [pattern, resolve]: [RegExp, Resolve]): string =>
    acc.replace(pattern, (...args: unknown[]) => {
      dates.push(resolve(args as unknown as RegExpExecArray, today));
      return blank(String(args[0]));
    });
  const rest = PAST.reduce(resolveAll, text);
  const weekdays: [RegExp, Resolve] = [
    BARE_WEEKDAY,
    (m, t) => {
      const weekday = m[1] ? WEEKDAYS.indexOf(m[1]) + 1 : weekdayNumber(m[2]);
      return lastWeek ? inPreviousWeek(t, weekday) : mostRecent(t, weekday);
    },
  ];
  return { dates, rest: resolveAll(rest, weekdays) };
}

/** Every date the answer names, as YYYY-MM-DD; those outside the question's range are dropped. */
export function readDate(text: string, range: DateRange | undefined, context: DateContext): Reading {
  const today = DateTime.fromMillis(context.now, { zone: context.timeZone }).startOf('day');
  const isoToday = today.toISODate() ?? '';
  const past = range?.latest !== undefined && range.latest <= isoToday;
  const lastWeek = LAST_WEEK.test(text);
  const unweeked = text.replace(new RegExp(LAST_WEEK.source, 'g'), blank);
  const read = past ? pastDates(unweeked, today, lastWeek) : { dates: [], rest: text };
  const all = [...read.dates, ...aheadDates(read.rest, today, context, past)].map((d) => d.toISODate() ?? '');
  if (all.length === 0) return { candidates: [], vague: lastWeek };
  const inRange = all.filter((d) => (range?.earliest ?? d) <= d && d <= (range?.latest ?? d));
  return { candidates: [...new Set(inRange)] };
}
