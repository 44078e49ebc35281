import { IANAZone } from 'luxon';
import { getCountryCallingCode, isSupportedCountry, type CountryCode } from 'libphonenumber-js/max';
import { normalizePhoneNumber } from '../policy/phone-number';
import { isNorthAmericanNumber } from '../policy/us-contact-rules';

// The cells of one imported row (a CSV record or a JSON object), read column by column for every
// import (debtors, survey respondents), with each problem named by its column. Pure.

export interface RowProblem {
  field: string;
  message: string;
}

export type Parsed<T> = { value: T } | { problem: string };

/** One row read into what the import stores, or every problem with it. */
export type RowRead<P> = { ok: true; profile: P } | { ok: false; problems: RowProblem[] };

export type HeaderRead<C extends string> = { ok: true; columns: C[] } | { ok: false; problems: RowProblem[] };

/** Reads one column's cell with `parse`; the problem, or a required cell's absence, is noted. */
export type CellRead<C extends string> = <T>(column: C, parse: (text: string) => Parsed<T>) => T | undefined;

/** The columns an import takes. */
export interface ColumnSet<C extends string> {
  names: readonly C[];
  required: readonly C[];
  /** Columns whose JSON value may also be a list of texts, read as one text joined by ';'. */
  lists?: readonly C[];
}

export interface ColumnReader<C extends string> {
  /** The column a header or key names, or undefined when the import takes no such column. */
  named(name: string): C | undefined;
  /**
   * The columns of a CSV header, or every problem with it. Unknown columns are refused rather than
   * ignored: a misspelt optional column ('timezone2') would otherwise drop its data silently.
   */
  header(names: string[]): HeaderRead<C>;
  /** A reader of one row's cells; its problems go to `problems`. */
  row(fields: Record<string, unknown>, problems: RowProblem[]): CellRead<C>;
}

export function columnReader<C extends string>(columns: ColumnSet<C>): ColumnReader<C> {
  // Columns are matched without regard to case: spreadsheets and exports capitalise freely.
  const byLowerCase = new Map<string, C>();
  for (const column of columns.names) if (!byLowerCase.has(column.toLowerCase())) byLowerCase.set(column.toLowerCase(), column);
  const named = (name: string) => byLowerCase.get(name.trim().toLowerCase());
  const known = [...byLowerCase.values()].join(', ');

  return {
    named,
    header(names) {
      const problems: RowProblem[] = [];
      const found: C[] = [];
      for (const name of names) {
        const column = named(name);
        if (!column) problems.push({ field: name, message: `is not a known column (known: ${known})` });
        else if (found.includes(column)) problems.push({ field: name, message: 'appears twice' });
        else found.push(column);
      }
      for (const column of columns.required) {
        if (!found.includes(column)) problems.push({ field: column, message: 'is a required column and the header does not have it' });
      }
      return problems.length > 0 ? { ok: false, problems } : { ok: true, columns: found };
    },
    row(fields, problems) {
      const cells = cellsOf(fields, named, columns.lists ?? [], problems);
      return (column, parse) => {
        const text = cells.get(column);
        if (text === undefined) {
          if (columns.required.includes(column)) problems.push({ field: column, message: 'is required' });
          return undefined;
        }
        const parsed = parse(text);
        if ('problem' in parsed) {
          problems.push({ field: column, message: parsed.problem });
          return undefined;
        }
        return parsed.value;
      };
    },
  };
}

/**
 * Each known column's text, trimmed; empty cells are absent (so defaults apply). JSON values may
 * be numbers or booleans, and list columns lists; anything else is a problem with that field.
 */
function cellsOf<C extends string>(fields: Record<string, unknown>, named: (name: string) => C | undefined, lists: readonly C[], problems: RowProblem[]): Map<C, string> {
  const cells = new Map<C, string>();
  for (const [key, value] of Object.entries(fields)) {
    const column = named(key);
    if (!column) {
      problems.push({ field: key, message: 'is not a known column' });
      continue;
    }
    if (cells.has(column)) {
      problems.push({ field: key, message: `repeats the column ${column}` });
      continue;
    }
    const list = lists.includes(column);
    const text = cellText(value, list);
    if (text === null) problems.push({ field: column, message: list ? 'must be text or a list of texts' : 'must be text, a number or true/false' });
    else if (text !== '') cells.set(column, text);
  }
  return cells;
}

function cellText(value: unknown, list: boolean): string | null {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (list && Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join(';');
  return null;
}

/** References become part of workflow ids and URLs: a safe alphabet, bounded length. */
export const referencePattern = /^[A-Za-z0-9._-]{1,64}$/;

/** A reference cell (an account's, a respondent's) checked against the safe alphabet. */
export function reference(what: string): (text: string) => Parsed<string> {
  return (text) =>
    referencePattern.test(text) ? { value: text } : { problem: `'${clip(text)}' is not ${what}: 1 to 64 letters, digits, dots, dashes or underscores` };
}

/** A postal code as its digits: a US ZIP (ZIP+4 keeps its first 5) or another country's 3 to 10 digits. */
export function postalCodeIn(jurisdiction: string): (text: string) => Parsed<string> {
  const us = jurisdiction.slice(0, 2) === 'US';
  return (text) => {
    const compact = text.replace(/\s+/g, '');
    if (!us) return /^\d{3,10}$/.test(compact) ? { value: compact } : { problem: `'${clip(text)}' is not a postal code: write its digits only, 3 to 10 of them` };
    const zip = /^(\d{5})(?:-\d{4})?$/.exec(compact)?.[1];
    return zip ? { value: zip } : { problem: `'${clip(text)}' is not a US ZIP code: write 5 digits like 94107, or ZIP+4 like 94107-1234` };
  };
}

/**
 * Numbers written without +country are read as numbers of the document's own country ('US-CA': US).
 * A +1 number is contacted under US rules (us-contact-rules.ts), so it belongs to a document of a
 * North American jurisdiction, and such a document takes +1 numbers only: its hours and caps
 * were set for them.
 */
export function phoneNumberIn(jurisdiction: string, kind: 'campaign' | 'survey'): (text: string) => Parsed<string> {
  const country = jurisdiction.slice(0, 2);
  const phoneCountry = isSupportedCountry(country) ? (country as CountryCode) : undefined;
  const northAmerican = phoneCountry !== undefined && getCountryCallingCode(phoneCountry) === '1';
  return (text) => {
    const normalized = normalizePhoneNumber(text, phoneCountry);
    if (!normalized.ok) return { problem: normalized.reason };
    const plusOne = isNorthAmericanNumber(normalized.e164);
    if (plusOne && !northAmerican) {
      return { problem: `'${clip(text)}' is a +1 number, contacted under US law, and this ${kind}'s jurisdiction is ${jurisdiction}: import it into a ${kind} under US jurisdiction` };
    }
    if (!plusOne && northAmerican) {
      return { problem: `'${clip(text)}' is not a +1 number, and this ${kind}'s jurisdiction is ${jurisdiction}, which takes North American numbers only: import it into a ${kind} under its own country's jurisdiction` };
    }
    return { value: normalized.e164 };
  };
}

/** Text of at most `max` characters (a name, an imported value a message may quote). */
export function shortText(max: number): (text: string) => Parsed<string> {
  return (text) => (text.length <= max ? { value: text } : { problem: `is longer than ${max} characters` });
}

export function canonicalTimeZone(text: string): Parsed<string> {
  if (!IANAZone.isValidZone(text)) return { problem: `unknown time zone '${clip(text)}': use an IANA name like 'America/New_York' or 'Asia/Shanghai'` };
  // Zone names are case-insensitive; store the spelling the tz database uses.
  return { value: new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone };
}

export function canonicalLanguage(text: string): Parsed<string> {
  try {
    return { value: Intl.getCanonicalLocales(text)[0] };
  } catch {
    return { problem: `'${clip(text)}' is not a language tag like 'en' or 'zh-CN'` };
  }
}

export function yesOrNo(text: string): Parsed<boolean> {
  const lower = text.toLowerCase();
  if (lower === 'true' || lower === 'yes') return { value: true };
  if (lower === 'false' || lower === 'no') return { value: false };
  return { problem: `'${clip(text)}' must be true, false, yes or no` };
}

/** Quoted values are cut short so one bad cell cannot make the report huge. */
export function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}...` : text;
}

/** A 100,000-row file has a handful of distinct zones and languages: check each once. */
export function memoize<T>(parse: (text: string) => Parsed<T>): (text: string) => Parsed<T> {
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
