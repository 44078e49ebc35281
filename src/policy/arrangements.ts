import { DateTime } from 'luxon';
import type { Campaign } from '../campaigns/campaign-schema';

// Whether a promise to pay or an instalment plan is within what the campaign offers. Pure, so the
// debtor workflow's update validators can refuse a bad one before it reaches history.

export interface Problem {
  path: string;
  message: string;
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** The debtor-local calendar date of an instant. */
export function localDate(ms: number, timeZone: string): string {
  return DateTime.fromMillis(ms, { zone: timeZone }).toISODate() ?? '';
}

/** The last instant of a debtor-local calendar date: a promise for that day is kept until then. */
export function endOfLocalDay(date: string, timeZone: string): number {
  return DateTime.fromISO(date, { zone: timeZone }).endOf('day').toMillis();
}

function daysBetween(from: string, to: string): number {
  return Math.round(DateTime.fromISO(to, { zone: 'utc' }).diff(DateTime.fromISO(from, { zone: 'utc' }), 'days').days);
}

function checkDate(path: string, date: string, today: string, problems: Problem[]): boolean {
  if (!datePattern.test(date) || !DateTime.fromISO(date, { zone: 'utc' }).isValid) {
    problems.push({ path, message: `'${date}' is not a date: write YYYY-MM-DD` });
    return false;
  }
  if (date < today) {
    problems.push({ path, message: `${date} is in the past (today is ${today} in the debtor's time zone)` });
    return false;
  }
  return true;
}

function checkAmount(path: string, amount: number, problems: Problem[]): boolean {
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    problems.push({ path, message: 'must be a positive whole number of minor units (cents)' });
    return false;
  }
  return true;
}

export function promiseProblems(
  campaign: Campaign,
  args: { amountMinor: number; dueDate: string; balanceMinor: number; now: number; timeZone: string },
): Problem[] {
  const problems: Problem[] = [];
  const today = localDate(args.now, args.timeZone);
  if (checkAmount('amountMinor', args.amountMinor, problems) && args.amountMinor > args.balanceMinor) {
    problems.push({ path: 'amountMinor', message: `is more than the balance of ${args.balanceMinor}` });
  }
  if (checkDate('dueDate', args.dueDate, today, problems)) {
    const maxDaysOut = campaign.offers.promiseToPay.maxDaysOut;
    if (daysBetween(today, args.dueDate) > maxDaysOut) {
      problems.push({ path: 'dueDate', message: `is more than ${maxDaysOut} days out, the most this campaign accepts` });
    }
  }
  return problems;
}

export function planProblems(
  campaign: Campaign,
  args: { instalments: Array<{ amountMinor: number; dueDate: string }>; balanceMinor: number; now: number; timeZone: string },
): Problem[] {
  const offer = campaign.offers.instalmentPlan;
  if (!offer) return [{ path: 'instalments', message: 'this campaign offers no instalment plans' }];
  const problems: Problem[] = [];
  const { instalments } = args;
  if (instalments.length < 2 || instalments.length > offer.maxInstalments) {
    problems.push({ path: 'instalments', message: `must have between 2 and ${offer.maxInstalments} instalments` });
  }
  const today = localDate(args.now, args.timeZone);
  let previous = today;
  let total = 0;
  instalments.forEach((instalment, i) => {
    if (checkAmount(`instalments.${i}.amountMinor`, instalment.amountMinor, problems)) {
      total += instalment.amountMinor;
      const isLast = i === instalments.length - 1;
      if (instalment.amountMinor < offer.minInstalmentAmount && !isLast) {
        problems.push({ path: `instalments.${i}.amountMinor`, message: `is below the campaign's minimum instalment of ${offer.minInstalmentAmount}` });
      }
    }
    if (checkDate(`instalments.${i}.dueDate`, instalment.dueDate, today, problems)) {
      if (instalment.dueDate <= previous && i > 0) {
        problems.push({ path: `instalments.${i}.dueDate`, message: 'must come after the previous instalment' });
      } else if (daysBetween(previous, instalment.dueDate) > offer.maxDaysBetween) {
        problems.push({ path: `instalments.${i}.dueDate`, message: `is more than ${offer.maxDaysBetween} days after the previous one` });
      }
      previous = instalment.dueDate;
    }
  });
  if (problems.length === 0 && total !== args.balanceMinor) {
    problems.push({ path: 'instalments', message: `add up to ${total}, but the balance is ${args.balanceMinor}` });
  }
  return problems;
}
