import type { Campaign } from '../campaigns/campaign-schema';
import { accountRefLast4 } from '../dialog/verification';
import { parseAmount } from '../policy/money';
import type { DebtorProfile } from '../../workflows/debtor/debtor.messages';
import {
  canonicalLanguage,
  canonicalTimeZone,
  clip,
  columnReader,
  memoize,
  phoneNumberIn,
  postalCodeIn,
  reference,
  referencePattern,
  shortText,
  yesOrNo,
  type HeaderRead,
  type Parsed,
  type RowProblem,
  type RowRead,
} from './row-cells';

// One imported row (a CSV record or a JSON object) read into a debtor's profile, with every
// problem named by its column. Pure: the import streams rows through it, the benchmark too.

export const debtorColumns = [
  'accountRef',
  'fullName',
  'firstName',
  'phone',
  'timeZone',
  'language',
  'amountDue',
  'dueDate',
  'birthYear',
  'zip',
  'daysPastDue',
  'onTimePayments',
  'brokenPromises',
  'flags',
  'artificialVoiceConsent',
] as const;
export type DebtorColumn = (typeof debtorColumns)[number];

export const requiredColumns: readonly DebtorColumn[] = ['accountRef', 'fullName', 'phone', 'amountDue', 'dueDate'];

type DebtorRow = RowRead<DebtorProfile>;

const columns = columnReader({ names: debtorColumns, required: requiredColumns, lists: ['flags'] });

/** The columns of a CSV header, or every problem with it (an unknown column among them). */
export function readHeader(names: string[]): HeaderRead<DebtorColumn> {
  return columns.header(names);
}

export const accountRefPattern = referencePattern;
const flagPattern = /^[a-z][a-z0-9-]*$/;
const personName = shortText(200);

/** Reads rows for one campaign, whose currency, default zone, languages and country they take. */
export function debtorRowReader(campaign: Campaign): (fields: Record<string, unknown>) => DebtorRow {
  const phoneNumber = phoneNumberIn(campaign.jurisdiction, 'campaign');
  const postalCode = postalCodeIn(campaign.jurisdiction);
  const zones = memoize(canonicalTimeZone);
  const languages = memoize(canonicalLanguage);
  const currentYear = new Date().getUTCFullYear();

  return (fields) => {
    const problems: RowProblem[] = [];
    const read = columns.row(fields, problems);

    const accountRef = read('accountRef', reference('an account reference'));
    const fullName = read('fullName', personName);
    const firstName = read('firstName', personName);
    const phone = read('phone', phoneNumber);
    const timeZone = read('timeZone', zones);
    const language = read('language', languages);
    const amountDueMinor = read('amountDue', (text) => {
      const amount = parseAmount(text, campaign.currency);
      if (!amount.ok) return { problem: amount.reason };
      return amount.minorUnits > 0 ? { value: amount.minorUnits } : { problem: 'is zero: there is nothing to collect' };
    });
    const dueDate = read('dueDate', calendarDate);
    const birthYear = read('birthYear', wholeNumber(1900, currentYear));
    const zip = read('zip', postalCode);
    const daysPastDue = read('daysPastDue', wholeNumber(0, 100_000));
    const onTimePayments = read('onTimePayments', wholeNumber(0, 100_000));
    const brokenPromises = read('brokenPromises', wholeNumber(0, 100_000));
    const flags = read('flags', flagList);
    const artificialVoiceConsent = read('artificialVoiceConsent', yesOrNo);
    problems.push(...secondFactorProblems(campaign, { accountRef, zip }, problems));

    if (problems.length > 0) return { ok: false, problems };
    // With no problems, every required column was read.
    return {
      ok: true,
      profile: {
        accountRef: accountRef!,
        fullName: fullName!,
        firstName: firstName ?? fullName!.split(/\s+/)[0],
        phone: phone!,
        timeZone: timeZone ?? campaign.defaultTimeZone,
        language: language ?? campaign.languages[0],
        currency: campaign.currency,
        amountDueMinor: amountDueMinor!,
        dueDate: dueDate!,
        ...(birthYear !== undefined ? { birthYear } : {}),
        ...(zip !== undefined ? { zip } : {}),
        segmentData: definedOnly({ daysPastDue, onTimePayments, brokenPromises, flags }),
        artificialVoiceConsent: artificialVoiceConsent ?? false,
      },
    };
  };
}

/** A row the campaign's second verification question could never be answered for (verification.secondFactor). */
function secondFactorProblems(campaign: Campaign, row: { accountRef?: string; zip?: string }, earlier: readonly RowProblem[]): RowProblem[] {
  const { secondFactor } = campaign.verification;
  if (secondFactor === 'zip' && row.zip === undefined && !earlier.some((p) => p.field === 'zip')) {
    return [{ field: 'zip', message: 'is required: the campaign asks callers for their ZIP code to verify them (verification.secondFactor)' }];
  }
  if (secondFactor === 'account-last-4' && row.accountRef !== undefined && accountRefLast4(row.accountRef) === undefined) {
    const message = `'${clip(row.accountRef)}' has fewer than 4 digits: the campaign asks callers for its last 4 digits to verify them (verification.secondFactor)`;
    return [{ field: 'accountRef', message }];
  }
  return [];
}

function calendarDate(text: string): Parsed<string> {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  // A date that does not exist (2026-02-30) comes back from Date.UTC as another day.
  const day = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  return day && day.toISOString().startsWith(text) ? { value: text } : { problem: `'${clip(text)}' is not a date: write YYYY-MM-DD, like 2026-03-31` };
}

function wholeNumber(min: number, max: number): (text: string) => Parsed<number> {
  return (text) => {
    const value = /^\d+$/.test(text) ? Number(text) : NaN;
    return value >= min && value <= max ? { value } : { problem: `'${clip(text)}' is not a whole number from ${min} to ${max}` };
  };
}

/** ';'-separated, in the lower case segment conditions compare against ('flags includes distressed'). */
function flagList(text: string): Parsed<string[]> {
  const flags = text
    .split(';')
    .map((flag) => flag.trim().toLowerCase())
    .filter((flag) => flag !== '');
  const bad = flags.find((flag) => !flagPattern.test(flag));
  return bad === undefined ? { value: flags } : { problem: `'${clip(bad)}' is not a flag: use letters, digits and dashes, starting with a letter` };
}

function definedOnly<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}
