import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../src/dialog/entities';
import { parseChineseNumber, parseEnglishNumber } from '../../../src/dialog/spoken-numbers';
import { THURSDAY_MORNING_LA } from './fixtures';

const LA = { now: THURSDAY_MORNING_LA, timeZone: 'America/Los_Angeles', currency: 'USD' };
/** Sunday 2025-12-07 21:00 in Los Angeles, which is already Monday 05:00 UTC and Monday 13:00 in Shanghai. */
const SUNDAY_NIGHT_LA = Date.parse('2025-12-08T05:00:00Z');

const entities = (text: string, context = LA) => extractEntities({ text }, context);

describe('extractEntities: dates, from Thursday 2025-12-04 in Los Angeles', () => {
  it.each([
    ['tomorrow', '2025-12-05'],
    ["I'll pay on Friday", '2025-12-05'],
    ['this Friday', '2025-12-05'],
    ['next Friday', '2025-12-12'],
    ['on Monday', '2025-12-08'],
    ['next Monday', '2025-12-08'],
    ['on Thursday', '2025-12-11'],
    ['the 15th', '2025-12-15'],
    ['on the third', '2026-01-03'],
    ['December 20th', '2025-12-20'],
    ['December 3', '2026-12-03'],
    ['the 3rd of January', '2026-01-03'],
    ['in two weeks', '2025-12-18'],
    ['in 3 days', '2025-12-07'],
    ['in a week', '2025-12-11'],
    ['in a month', '2026-01-04'],
    ['by the end of the month', '2025-12-31'],
    ['明天', '2025-12-05'],
    ['后天', '2025-12-06'],
    ['大后天', '2025-12-07'],
    ['周五', '2025-12-05'],
    ['这周五', '2025-12-05'],
    ['下周五', '2025-12-12'],
    ['下个星期一', '2025-12-08'],
    ['12月20日', '2025-12-20'],
    ['12月3号', '2026-12-03'],
    ['十五号', '2025-12-15'],
    ['两周后', '2025-12-18'],
    ['三天后', '2025-12-07'],
    ['一个月后', '2026-01-04'],
    ['下个月', '2026-01-04'],
    ['$200 on the 15th of next month', '2026-01-15'],
    ['the 31st of next month', '2026-01-31'],
    ['下个月15号', '2026-01-15'],
  ])('"%s" is %s', (text, date) => {
    expect(entities(text).date).toBe(date);
  });
});

describe('extractEntities: dates across a week boundary and in the debtor\'s zone', () => {
  it.each([
    ['tomorrow', 'America/Los_Angeles', '2025-12-08'],
    ['next Monday', 'America/Los_Angeles', '2025-12-08'],
    ['on Monday', 'America/Los_Angeles', '2025-12-08'],
    ['next Friday', 'America/Los_Angeles', '2025-12-12'],
    ['下周五', 'America/Los_Angeles', '2025-12-12'],
    ['明天', 'Asia/Shanghai', '2025-12-09'],
    ['周五', 'Asia/Shanghai', '2025-12-12'],
    ['下周五', 'Asia/Shanghai', '2025-12-19'],
    ['next Monday', 'Asia/Shanghai', '2025-12-15'],
  ])('"%s" said at the same instant in %s is %s', (text, timeZone, date) => {
    expect(entities(text, { now: SUNDAY_NIGHT_LA, timeZone, currency: 'USD' }).date).toBe(date);
  });
});

describe('extractEntities: amounts in minor units', () => {
  it.each<[string, number | null]>([
    ['$50', 5_000],
    ['$1,200.50', 120_050],
    ['50 dollars', 5_000],
    ['fifty dollars', 5_000],
    ['a hundred bucks', 10_000],
    ['one hundred and twenty', 12_000],
    ['50.25', 5_025],
    ['fifty dollars and twenty five cents', 5_025],
    ['五十块', 5_000],
    ['100元', 10_000],
    ['一百二十', 12_000],
    ['一百二', 12_000],
    ['五十块五', 5_050],
    ['两千五百元', 250_000],
    ['¥300', 30_000],
    ["I'll pay on the 15th", null],
    ['Friday at 5', null],
    ['no one by that name', null],
    ['我想问一下', null],
    ['分3期', null],
  ])('"%s" is %s', (text, amountMinor) => {
    expect(entities(text).amountMinor).toBe(amountMinor);
  });

  it('uses the account currency\'s minor unit', () => {
    expect(entities('500', { ...LA, currency: 'JPY' }).amountMinor).toBe(500);
  });
});

describe('extractEntities: number of instalments', () => {
  it.each([
    ['in 3 payments', 3],
    ['three months', 3],
    ['twelve monthly instalments', 12],
    ['can I split it into four', 4],
    ['分3期', 3],
    ['分三期', 3],
    ['分六个月', 6],
  ])('"%s" is %i', (text, instalments) => {
    expect(entities(text).instalments).toBe(instalments);
  });
});

describe('extractEntities: several at once', () => {
  it('reads an amount and a date from one promise', () => {
    expect(entities('I can pay $50 on Friday')).toEqual({ amountMinor: 5_000, date: '2025-12-05', instalments: null, digits: null });
  });

  it('reads a monthly amount and a count from one plan request', () => {
    expect(entities('fifty dollars a month for three months')).toMatchObject({ amountMinor: 5_000, instalments: 3, date: null });
  });

  it('passes keypad digits through', () => {
    expect(extractEntities({ text: '', digits: '1985' }, LA).digits).toBe('1985');
  });
});

describe('spoken numbers', () => {
  it.each([
    ['一百二十', 120],
    ['一百零五', 105],
    ['一百二', 120],
    ['两千五', 2_500],
    ['一万二', 12_000],
    ['十五', 15],
    ['三千零八十', 3_080],
    ['十万', 100_000],
    ['一九八五', 1_985],
  ])('Chinese %s is %i', (numeral, value) => {
    expect(parseChineseNumber(numeral)).toBe(value);
  });

  it.each([
    ['one hundred and twenty', 120],
    ['twenty-five', 25],
    ['two thousand five', 2_005],
    ['a hundred', 100],
    ['one thousand two hundred', 1_200],
  ])('English "%s" is %i', (words, value) => {
    expect(parseEnglishNumber(words)).toBe(value);
  });
});
