import { DateTime } from 'luxon';
import { minorUnitDigits } from './entities';
import type { Language } from './language';

/** Whole amounts without ".00": "$120" is read "one hundred twenty dollars", not "...and zero cents". */
export function formatMoney(amountMinor: number, currency: string, language: Language): string {
  const digits = minorUnitDigits(currency);
  const amount = amountMinor / 10 ** digits;
  const fractionDigits = Number.isInteger(amount) ? 0 : digits;
  const options = { style: 'currency', currency, minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits } as const;
  if (language === 'en') return new Intl.NumberFormat('en-US', options).format(amount);
  // Chinese speech engines read "1200" better than "1,200". "120元" is how renminbi is said; other
  // currencies by their Chinese name ("120美元").
  const chinese = { ...options, useGrouping: false } as const;
  if (currency === 'CNY') return `${new Intl.NumberFormat('zh-CN', { ...chinese, style: 'decimal' }).format(amount)}元`;
  return new Intl.NumberFormat('zh-CN', { ...chinese, currencyDisplay: 'name' }).format(amount);
}

/** "Friday, December 5" / "12月5日星期五": the weekday helps a listener place the date. */
export function formatDate(isoDate: string, language: Language): string {
  const date = DateTime.fromISO(isoDate, { zone: 'utc' });
  return language === 'en' ? date.setLocale('en-US').toFormat('cccc, LLLL d') : date.setLocale('zh-CN').toFormat('M月d日cccc');
}
