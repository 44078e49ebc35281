import { IANAZone } from 'luxon';
import { isSupportedCountry, type CountryCode } from 'libphonenumber-js/max';
import type { Campaign } from '../campaigns/campaign-schema';
import { parseAmount } from '../policy/money';
import { normalizePhoneNumber } from '../policy/phone-number';
import type { DebtorProfile } from '../../workflows/debtor/debtor.messages';

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
  'daysPastDue',
  'onTimePayments',
  'brokenPromises',
  'flags',
  'artificialVoiceConsent',
] as const;
export type DebtorColumn = (typeof debtorColumns)[number];

export const requiredColumns: readonly DebtorColumn[] = ['accountRef', 'fullName', 'phone', 'amountDue', 'dueDate'];

export interface RowProblem {
  field: string;
  message: string;
}

export type DebtorRow = { ok: true; profile: DebtorProfile } | { ok: false; problems: RowProblem[] };

type Parsed<T> = { value: T } | { problem: string };

// Columns are matched without regard to case: spreadsheets and exports capitalise freely.
const columnsByLowerCase = new Map<string, DebtorColumn>(debtorColumns.map((column) => [column.toLowerCase(), column]));

/** The column a header or key names, or undefined when Parley imports no such column. */
function columnNamed(name: string): DebtorColumn | undefined {
  return columnsByLowerCase.get(name.trim().toLowerCase());
}

/**
 * The columns of a CSV header, or every problem with it. Unknown columns are refused rather than
 * ignored: a misspelt optional column ('timezone2') would otherwise drop its data silently.
 */
export function readHeader(names: string[]): { ok: true; columns: DebtorColumn[] } | { ok: false; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const columns: DebtorColumn[] = [];
  for (const name of names) {
    const column = columnNamed(name);
    if (!column) problems.push({ field: name, message: `is not a known column (known: ${debtorColumns.join(', ')})` });
    else if (columns.includes(column)) problems.push({ field: name, message: 'appears twice' });
    else columns.push(column);
  }
  for (const column of requiredColumns) {
    if (!columns.includes(column)) problems.push({ field: column, message: 'is a required column and the header does not have it' });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, columns };
}

/** Account references become part of workflow ids and URLs: a safe alphabet, bounded length. */
export const accountRefPattern = /^[A-Za-z0-9._-]{1,64}$/;
const flagPattern = /^[a-z][a-z0-9-]*$/;
const maxNameLength = 200;

/** Reads rows for one campaign, whose currency, default zone, languages and country they take. */
export function debtorRowReader(campaign: Campaign): (fields: Record<string, unknown>) => DebtorRow {
  // Numbers written without +country are read as numbers of the campaign's own country.
  const country = campaign.jurisdiction.slice(0, 2);
  const phoneCountry = isSupportedCountry(country) ? (country as CountryCode) : undefined;
  const zones = memoize(canonicalTimeZone);
  const languages = memoize(canonicalLanguage);
  const currentYear = new Date().getUTCFullYear();

  return (fields) => {
    const problems: RowProblem[] = [];
    const cells = cellsOf(fields, problems);
    const read = <T>(column: DebtorColumn, parse: (text: string) => Parsed<T>): T | undefined => {
      const text = cells.get(column);
      if (text === undefined) {
        if (requiredColumns.includes(column)) problems.push({ field: column, message: 'is required' });
        return undefined;
      }
      const parsed = parse(text);
      if ('problem' in parsed) {
        problems.push({ field: column, message: parsed.problem });
        return undefined;
      }
      return parsed.value;
    };

    const accountRef = read('accountRef', (text) =>
      accountRefPattern.test(text) ? { value: text } : { problem: `'${clip(text)}' is not an account reference: 1 to 64 letters, digits, dots, dashes or underscores` },
    );
    const fullName = read('fullName', personName);
    const firstName = read('firstName', personName);
    const phone = read('phone', (text) => {
      const normalized = normalizePhoneNumber(text, phoneCountry);
      return normalized.ok ? { value: normalized.e164 } : { problem: normalized.reason };
    });
    const timeZone = read('timeZone', zones);
    const language = read('language', languages);
    const amountDueMinor = read('amountDue', (text) => {
      const amount = parseAmount(text, campaign.currency);
      if (!amount.ok) return { problem: amount.reason };
      return amount.minorUnits > 0 ? { value: amount.minorUnits } : { problem: 'is zero: there is nothing to collect' };
    });
    const dueDate = read('dueDate', calendarDate);
    const birthYear = read('birthYear', wholeNumber(1900, currentYear));
    const daysPastDue = read('daysPastDue', wholeNumber(0, 100_000));
    const onTimePayments = read('onTimePayments', wholeNumber(0, 100_000));
    const brokenPromises = read('brokenPromises', wholeNumber(0, 100_000));
    const flags = read('flags', flagList);
    const artificialVoiceConsent = read('artificialVoiceConsent', yesOrNo);

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
        segmentData: definedOnly({ daysPastDue, onTimePayments, brokenPromises, flags }),
        artificialVoiceConsent: artificialVoiceConsent ?? false,
      },
    };
  };
}

/**
 * Each known column's text, trimmed; empty cells are absent (so defaults apply). JSON values may
 * be numbers or booleans, and flags a list; anything else is a problem with that field.
 */
function cellsOf(fields: Record<string, unknown>, problems: RowProblem[]): Map<DebtorColumn, string> {
  const cells = new Map<DebtorColumn, string>();
  for (const [key, value] of Object.entries(fields)) {
    const column = columnNamed(key);
    if (!column) {
      problems.push({ field: key, message: 'is not a known column' });
      continue;
    }
    if (cells.has(column)) {
      problems.push({ field: key, message: `repeats the column ${column}` });
      continue;
    }
    const text = cellText(column, value);
    if (text === null) problems.push({ field: column, message: column === 'flags' ? 'must be text or a list of texts' : 'must be text, a number or true/false' });
    else if (text !== '') cells.set(column, text);
  }
  return cells;
}

function cellText(column: DebtorColumn, value: unknown): string | null {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (column === 'flags' && Array.isArray(value) && value.every((flag) => typeof flag === 'string')) return value.join(';');
  return null;
}

function personName(text: string): Parsed<string> {
  return text.length <= maxNameLength ? { value: text } : { problem: `is longer than ${maxNameLength} characters` };
}

function canonicalTimeZone(text: string): Parsed<string> {
  if (!IANAZone.isValidZone(text)) return { problem: `unknown time zone '${clip(text)}': use an IANA name like 'America/New_York' or 'Asia/Shanghai'` };
  // Zone names are case-insensitive; store the spelling the tz database uses.
  return { value: new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone };
}

function canonicalLanguage(text: string): Parsed<string> {
  try {
    return { value: Intl.getCanonicalLocales(text)[0] };
  } catch {
    return { problem: `'${clip(text)}' is not a language tag like 'en' or 'zh-CN'` };
  }
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

function yesOrNo(text: string): Parsed<boolean> {
  const lower = text.toLowerCase();
  if (lower === 'true' || lower === 'yes') return { value: true };
  if (lower === 'false' || lower === 'no') return { value: false };
  return { problem: `'${clip(text)}' must be true, false, yes or no` };
}

function definedOnly<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** Quoted values are cut short so one bad cell cannot make the report huge. */
function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}...` : text;
}

/** A 100,000-row file has a handful of distinct zones and languages: check each once. */
function memoize<T>(parse: (text: string) => Parsed<T>): (text: string) => Parsed<T> {
  const seen = new Map<string, Parsed<T>>();
  return (text) => {
    let parsed = seen.get(text);
    if (parsed === undefined) {
      parsed = parse(text);
      if (seen.size < 10_000) seen.set(text, parsed);
    }
    return parsed;
  };
}
