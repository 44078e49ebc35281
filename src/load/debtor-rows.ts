import { writeFileSync } from 'node:fs';
import type { DebtorProfile } from '../../workflows/debtor/debtor.messages';

// The generated debtors: valid rows for examples/campaigns/load-collections.yaml, in a time zone
// where it is mid-afternoon now, so each first text is inside the 08:00-21:00 window at once.

export const loadCampaignId = 'load-collections';

/** The n-th load debtor's number: valid US numbers, a distinct one per debtor (up to 800,000). */
export function phoneFor(index: number): string {
  return `+1202${200 + Math.floor(index / 10_000)}${String(index % 10_000).padStart(4, '0')}`;
}

export function accountRefFor(index: number): string {
  return `L-${index}`;
}

/**
 * A fixed-offset IANA zone (Etc/GMT-N is UTC+N: POSIX signs) where the local hour is 14 now:
 * the window stays open for the next seven hours, longer than any run.
 */
export function afternoonTimeZone(now = new Date()): string {
  let offset = 14 - now.getUTCHours();
  if (offset > 14) offset -= 24;
  if (offset < -12) offset += 24;
  if (offset === 0) return 'Etc/GMT';
  return `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

const header = 'accountRef,fullName,phone,timeZone,language,amountDue,dueDate,birthYear,daysPastDue,onTimePayments,brokenPromises,flags,artificialVoiceConsent';

/** The n-th load debtor as its workflow gets it: what an import of its CSV row stores. */
export function loadDebtorProfile(index: number, timeZone: string): DebtorProfile {
  return {
    accountRef: accountRefFor(index),
    fullName: 'Jordan Lee',
    firstName: 'Jordan',
    phone: phoneFor(index),
    timeZone,
    language: 'en',
    currency: 'USD',
    amountDueMinor: (50 + (index % 950)) * 100,
    dueDate: '2026-11-01',
    birthYear: 1985,
    segmentData: { daysPastDue: 30, onTimePayments: 3, brokenPromises: 0, flags: [] },
    artificialVoiceConsent: true,
  };
}

/** Writes debtors [from, to) as a CSV `parley import` reads. */
export function writeDebtorCsv(file: string, from: number, to: number, timeZone = afternoonTimeZone()): void {
  const lines = [header];
  for (let i = from; i < to; i++) {
    const d = loadDebtorProfile(i, timeZone);
    const s = d.segmentData;
    const amount = (d.amountDueMinor / 100).toFixed(2);
    lines.push(`${d.accountRef},${d.fullName},${d.phone},${timeZone},${d.language},${amount},${d.dueDate},${d.birthYear},${s.daysPastDue},${s.onTimePayments},${s.brokenPromises},,yes`);
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}
