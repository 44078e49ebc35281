import { DateTime } from 'luxon';
import { CHINESE_NUMBER_PATTERN, ENGLISH_NUMBER_PATTERN, parseSmallNumber } from './spoken-numbers';

/**
 * Calendar dates as callers say them, resolved against "today" in the debtor's time zone (not UTC:
 * at 21:00 in Los Angeles it is already tomorrow in UTC). Conventions:
 * - a bare weekday ("on Friday", "周五") is the next one after today;
 * - "this Friday" / "这周五" is the one in the current Monday-to-Sunday week, if not already past;
 * - "next Friday" / "下周五" is the one in the following Monday-to-Sunday week;
 * - a day of the month or a month and day already past rolls to the next month or year.
 */

export interface DateMention {
  isoDate: string;
  start: number;
  end: number;
}

type Resolver = (match: RegExpMatchArray, today: DateTime) => DateTime | undefined;

const ENGLISH_WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const CHINESE_WEEKDAYS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };
const ENGLISH_MONTHS: Readonly<Record<string, number>> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10, november: 11,
  nov: 11, december: 12, dec: 12,
};
const ENGLISH_ORDINALS: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30,
};

const WEEKDAY = `(${ENGLISH_WEEKDAYS.join('|')})`;
const MONTH = `(${Object.keys(ENGLISH_MONTHS).join('|')})`;
const ORDINAL_WORD = `(?:(?:twenty|thirty)[\\s-])?(?:${Object.keys(ENGLISH_ORDINALS).join('|')})`;
/** "15", "15th", "fifteenth", "twenty-first". */
const DAY = `(\\d{1,2}(?:st|nd|rd|th)?|${ORDINAL_WORD})`;
/**
 * Next to a month, a day may be said as a cardinal too ("January fifteen", "fifteen of January"), but
 * not where a sum goes on ("in January two hundred dollars").
 */
const CARDINAL_DAY = `((?:(?:twenty|thirty)[\\s-])?(?:one|two|three|four|five|six|seven|eight|nine)|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty)(?!\\s*(?:hundred|thousand|dollars?|bucks|cents|\\d))`;
const COUNT = `(\\d+|${ENGLISH_NUMBER_PATTERN}|${CHINESE_NUMBER_PATTERN})`;
/** Like COUNT, plus "a"/"an" ("in a week"). */
const ENGLISH_COUNT = `(a|an|\\d+|${ENGLISH_NUMBER_PATTERN})`;
const ZH_SMALL = `(\\d{1,2}|[一二三四五六七八九十]{1,3})`;
const ZH_WEEK = '(?:周|星期|礼拜)';
const ZH_AFTER = '(?:后|以后|之后)';

function parseDay(raw: string): number | undefined {
  const digits = /^(\d{1,2})/.exec(raw);
  if (digits) return Number(digits[1]);
  const [tens, ordinal] = raw.includes(' ') || raw.includes('-') ? raw.split(/[\s-]/) : ['', raw];
  const unit = ENGLISH_ORDINALS[ordinal ?? ''];
  if (unit === undefined) return parseSmallNumber(raw);
  return unit + (tens === 'twenty' ? 20 : tens === 'thirty' ? 30 : 0);
}

function upcomingWeekday(today: DateTime, weekday: number): DateTime {
  return today.plus({ days: (weekday - today.weekday + 7) % 7 || 7 });
}

function latestWeekday(today: DateTime, weekday: number): DateTime {
  return today.minus({ days: (today.weekday - weekday + 7) % 7 || 7 });
}

function weekdayInWeek(today: DateTime, weekday: number, weeksAhead: number): DateTime {
  return today.startOf('week').plus({ weeks: weeksAhead, days: weekday - 1 });
}

function thisWeekday(today: DateTime, weekday: number): DateTime {
  return weekday >= today.weekday ? weekdayInWeek(today, weekday, 0) : upcomingWeekday(today, weekday);
}

function monthDay(today: DateTime, month: number | undefined, day: number | undefined): DateTime | undefined {
  if (month === undefined || day === undefined) return undefined;
  const candidate = DateTime.fromObject({ year: today.year, month, day }, { zone: today.zone });
  if (!candidate.isValid) return undefined;
  return candidate < today ? candidate.plus({ years: 1 }) : candidate;
}

function dayOfMonth(today: DateTime, day: number | undefined): DateTime | undefined {
  if (day === undefined) return undefined;
  // A day not in this month (the 31st in November) moves on until a month has it.
  for (let monthsAhead = 0; monthsAhead < 3; monthsAhead += 1) {
    const month = today.plus({ months: monthsAhead });
    const candidate = DateTime.fromObject({ year: month.year, month: month.month, day }, { zone: today.zone });
    if (candidate.isValid && candidate >= today) return candidate;
  }
  return undefined;
}

function count(raw: string | undefined): number {
  return raw === undefined || raw === 'a' || raw === 'an' ? 1 : (parseSmallNumber(raw) ?? Number.NaN);
}

/** "in two weeks" / "two weeks from now" / "两周后": the count is in the first group that matched. */
const later =
  (unit: 'days' | 'weeks' | 'months'): Resolver =>
  (m, t) =>
    t.plus({ [unit]: count(m.slice(1).find((group) => group !== undefined)) });

function dayOfNextMonth(today: DateTime, day: number | undefined): DateTime | undefined {
  if (day === undefined) return undefined;
  const next = today.plus({ months: 1 });
  return DateTime.fromObject({ year: next.year, month: next.month, day }, { zone: today.zone });
}

const englishWeekday = (name: string | undefined): number => ENGLISH_WEEKDAYS.indexOf(name ?? '') + 1;
const chineseWeekday = (char: string | undefined): number => CHINESE_WEEKDAYS[char ?? ''] ?? Number(char);

/** Most specific first: the first pattern that matches decides. */
const DATE_PATTERNS: ReadonlyArray<[RegExp, Resolver]> = [
  [/\b(\d{4})-(\d{2})-(\d{2})\b/, (m, t) => DateTime.fromObject({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, { zone: t.zone })],
  [new RegExp(`\\b${MONTH}\\.?\\s+(?:the\\s+)?${DAY}\\b`), (m, t) => monthDay(t, ENGLISH_MONTHS[m[1] ?? ''], parseDay(m[2] ?? ''))],
  [new RegExp(`\\b(?:the\\s+)?${DAY}\\s+(?:of\\s+)?${MONTH}\\b`), (m, t) => monthDay(t, ENGLISH_MONTHS[m[2] ?? ''], parseDay(m[1] ?? ''))],
  [new RegExp(`\\b${MONTH}\\s+${CARDINAL_DAY}\\b`), (m, t) => monthDay(t, ENGLISH_MONTHS[m[1] ?? ''], parseDay(m[2] ?? ''))],
  [new RegExp(`\\b${CARDINAL_DAY}\\s+of\\s+${MONTH}\\b`), (m, t) => monthDay(t, ENGLISH_MONTHS[m[2] ?? ''], parseDay(m[1] ?? ''))],
  [new RegExp(`${ZH_SMALL}\\s*月\\s*${ZH_SMALL}\\s*(?:日|号)?`), (m, t) => monthDay(t, parseSmallNumber(m[1] ?? ''), parseSmallNumber(m[2] ?? ''))],
  [/\b(\d{1,2})\/(\d{1,2})\b/, (m, t) => monthDay(t, Number(m[1]), Number(m[2]))],
  [new RegExp(`下下个?${ZH_WEEK}([一二三四五六日天1-7])`), (m, t) => weekdayInWeek(t, chineseWeekday(m[1]), 2)],
  [new RegExp(`下个?${ZH_WEEK}([一二三四五六日天1-7])`), (m, t) => weekdayInWeek(t, chineseWeekday(m[1]), 1)],
  [new RegExp(`(?:这个?|本)${ZH_WEEK}([一二三四五六日天1-7])`), (m, t) => thisWeekday(t, chineseWeekday(m[1]))],
  [new RegExp(`${ZH_WEEK}([一二三四五六日天1-7])`), (m, t) => upcomingWeekday(t, chineseWeekday(m[1]))],
  // "Monday the 8th": the day of the month is the more exact of the two.
  [new RegExp(`\\b${WEEKDAY},?\\s+(?:the\\s+)?(\\d{1,2}(?:st|nd|rd|th)?|${ORDINAL_WORD})\\b`), (m, t) => dayOfMonth(t, parseDay(m[2] ?? ''))],
  // An English weekday inside Chinese ("下个 Friday") keeps the Chinese week words around it.
  [new RegExp(`(?:\\bnext\\s+|下个?\\s*)${WEEKDAY}\\b`), (m, t) => weekdayInWeek(t, englishWeekday(m[1]), 1)],
  [new RegExp(`(?:这个?|本)\\s*${WEEKDAY}\\b`), (m, t) => thisWeekday(t, englishWeekday(m[1]))],
  [new RegExp(`\\bthis\\s+(?:coming\\s+)?${WEEKDAY}\\b`), (m, t) => thisWeekday(t, englishWeekday(m[1]))],
  // "Last Tuesday" is the latest one gone ("I paid it last Tuesday"); "上周二" is in last week.
  [new RegExp(`\\blast\\s+${WEEKDAY}\\b`), (m, t) => latestWeekday(t, englishWeekday(m[1]))],
  [new RegExp(`上个?${ZH_WEEK}([一二三四五六日天1-7])`), (m, t) => weekdayInWeek(t, chineseWeekday(m[1]), -1)],
  // A weekday a payment was made on is the latest one gone ("I already paid you on Monday"); being
  // paid ("I get paid Friday") is still to come.
  [
    new RegExp(`(?<=(?<!\\b(?:get|gets|getting|be|been|being) )\\b(?:paid|sent|settled|cleared|made|transferred|wired|mailed)\\b(?: \\S+){0,5}? (?:on )?)${WEEKDAY}\\b`),
    (m, t) => latestWeekday(t, englishWeekday(m[1])),
  ],
  [new RegExp(`\\b${WEEKDAY}\\b`), (m, t) => upcomingWeekday(t, englishWeekday(m[1]))],
  [/大后天/, (_m, t) => t.plus({ days: 3 })],
  [/\bday after tomorrow\b|后天/, (_m, t) => t.plus({ days: 2 })],
  [/\btomorrow\b|明天|明日|明早|明晚/, (_m, t) => t.plus({ days: 1 })],
  [/\b(?:today|tonight|this (?:morning|afternoon|evening))\b|今天|今晚|今日/, (_m, t) => t],
  [new RegExp(`\\bin\\s+${ENGLISH_COUNT}\\s+days?\\b|\\b${ENGLISH_COUNT}\\s+days?\\s+from\\s+(?:now|today)\\b|${COUNT}\\s*[天日]\\s*${ZH_AFTER}`), later('days')],
  [new RegExp(`\\bin\\s+${ENGLISH_COUNT}\\s+weeks?\\b|\\b${ENGLISH_COUNT}\\s+weeks?\\s+from\\s+(?:now|today)\\b|${COUNT}\\s*个?${ZH_WEEK}\\s*${ZH_AFTER}`), later('weeks')],
  [new RegExp(`\\bin\\s+(a|one)\\s+month\\b|${COUNT}\\s*个月\\s*${ZH_AFTER}`), later('months')],
  // A deadline ("within a week", "一周内还清") is its last day: the date the payment is promised by.
  [new RegExp(`\\bwithin\\s+${ENGLISH_COUNT}\\s+days?\\b|${COUNT}\\s*[天日]\\s*(?:之|以)?内`), later('days')],
  [new RegExp(`\\bwithin\\s+${ENGLISH_COUNT}\\s+weeks?\\b|${COUNT}\\s*个?${ZH_WEEK}\\s*(?:之|以)?内`), later('weeks')],
  // UK: a fortnight is two weeks.
  [/\b(?:in\s+)?a\s+fortnight\b/, (_m, t) => t.plus({ weeks: 2 })],
  [/过两天/, (_m, t) => t.plus({ days: 2 })],
  // "The first of the month" is the next one to come.
  [new RegExp(`\\b(?:the\\s+)?${DAY}\\s+of\\s+(?:the|this|every)\\s+month\\b`), (m, t) => dayOfMonth(t, parseDay(m[1] ?? ''))],
  // "the 15th of next month" is the 15th, not today's date a month on.
  [new RegExp(`\\b(?:the\\s+)?${DAY}\\s+of\\s+next\\s+month\\b`), (m, t) => dayOfNextMonth(t, parseDay(m[1] ?? ''))],
  [new RegExp(`下个?月\\s*${ZH_SMALL}\\s*(?:号|日)`), (m, t) => dayOfNextMonth(t, parseSmallNumber(m[1] ?? ''))],
  [/\bend of next month\b|下个?月底/, (_m, t) => t.plus({ months: 1 }).endOf('month').startOf('day')],
  [/\bend of (?:the |this )?month\b|月底/, (_m, t) => t.endOf('month').startOf('day')],
  [/\bnext week\b|下个?(?:周|星期|礼拜)/, (_m, t) => t.plus({ weeks: 1 })],
  [/\bnext month\b|下个?月/, (_m, t) => t.plus({ months: 1 })],
  // "the first" alone is too often "the first payment": a spelled-out ordinal needs "on/by the".
  [new RegExp(`\\b(?:on|by|before|until)\\s+the\\s+${DAY}\\b|\\b(\\d{1,2}(?:st|nd|rd|th))\\b`), (m, t) => dayOfMonth(t, parseDay(m[1] ?? m[2] ?? ''))],
  [new RegExp(`${ZH_SMALL}\\s*(?:号|日)`), (m, t) => dayOfMonth(t, parseSmallNumber(m[1] ?? ''))],
  // Recognisers write 号 as its homophone 好 ("20好之前还"); "十五好吗" (fifteen, OK?) and "十好几" (a dozen or so) are no day.
  [new RegExp(`${ZH_SMALL}\\s*好(?![不吗么吧的啊了嘛呀呢几多])`), (m, t) => dayOfMonth(t, parseSmallNumber(m[1] ?? ''))],
  // A whole answer of "the twenty-second" is a day, though "the first" inside a sentence may not be.
  [new RegExp(`^\\s*(?:(?:um|uh|maybe|probably|like)\\s+)*(?:on\\s+)?the\\s+${DAY}\\s*[.!?]?\\s*$`), (m, t) => dayOfMonth(t, parseDay(m[1] ?? ''))],
  // Nor is one that ends the answer after a pause to look ("uh let me see, the eighteenth").
  [new RegExp(`\\bthe\\s+${DAY}\\s*[.!?]?\\s*$`), (m, t) => dayOfMonth(t, parseDay(m[1] ?? ''))],
];

/** A date said to be the wrong one ("no, not Friday, Monday", "不是周五，是周一") gives way to another. */
const NEGATED_BEFORE = /(?:\b(?:not|no)|不是|不要|别)\s*(?:(?:on|the|this)\s+)*$/;

/**
 * A date a payment is put on: after a verb of paying in English ("... I can pay the whole thing on the
 * 19th"), before one in Chinese ("20号还你"). Where several dates are said ("I start a new job Monday
 * and can pay on the 19th", "我15号发工资，20号还"), the others are about something else.
 */
const PAYING_BEFORE = /\b(?:pay|send|mail|transfer|wire|settle|clear|do)\b(?:\s+\S+){0,4}?\s+(?:(?:on|by|before)\s+)?$/;
const PAYING_AFTER = /^\s*(?:之前|以前|前|那天|的时候)?\s*(?:就|再|在|能|会|可以|一定|肯定|保证)?\s*(?:还|付|交|转|汇)/;

const EVERY_MATCH: ReadonlyArray<[RegExp, Resolver]> = DATE_PATTERNS.map(([pattern, resolve]) => [new RegExp(pattern.source, `${pattern.flags}g`), resolve]);

function mentionsOf(text: string, today: DateTime): Array<DateMention & { negated: boolean }> {
  return EVERY_MATCH.flatMap(([pattern, resolve]) =>
    [...text.matchAll(pattern)].flatMap((match) => {
      const date = resolve(match, today);
      if (!date?.isValid) return [];
      const [start, end] = [match.index, match.index + match[0].length];
      return [{ isoDate: date.toISODate() ?? '', start, end, negated: NEGATED_BEFORE.test(text.slice(0, start)) }];
    }),
  );
}

/**
 * The date the text means, as YYYY-MM-DD in the debtor's zone, or undefined: the first mention of the
 * most specific kind, passing over a date said to be the wrong one if another is said, and over one
 * no payment is put on if another has one.
 */
export function findDate(text: string, now: number, timeZone: string): DateMention | undefined {
  const mentions = mentionsOf(text, DateTime.fromMillis(now, { zone: timeZone }).startOf('day'));
  const said = mentions.filter((m) => !m.negated);
  const paying = said.find((m) => PAYING_BEFORE.test(text.slice(0, m.start)) || PAYING_AFTER.test(text.slice(m.end)));
  const chosen = paying ?? said[0] ?? mentions[0];
  return chosen && { isoDate: chosen.isoDate, start: chosen.start, end: chosen.end };
}
