import { IANAZone, DateTime } from 'luxon';
import { z } from 'zod';
import { readDuration } from './campaign-notation';

// Field rules that every outreach document (collections campaign, survey) writes the same way, each
// refusing with a message that quotes what was written and shows the notation it expects.

function isCanonicalLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag)[0] === tag;
  } catch {
    return false;
  }
}

/** A string that passes `isValid`, else an error whose message quotes what was written. */
export function checkedText(isValid: (text: string) => boolean, explain: (text: string) => string) {
  return z.string().refine(isValid, { error: (issue) => explain(String(issue.input)) });
}

export const slug = checkedText(
  (text) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(text),
  (text) => `'${text}' is not a valid id: use lower-case letters, digits and single dashes, like 'first-notice'`,
);
export const nonEmptyText = z.string().trim().min(1, 'must not be empty');
export const languageTag = checkedText(
  isCanonicalLanguageTag,
  (text) => `'${text}' is not a language tag in canonical form, like 'en' or 'zh-CN'`,
);
export const duration = checkedText(
  (text) => readDuration(text) !== null,
  (text) => `'${text}' is not a duration: write ISO 8601 like 'P2D' (2 days), 'PT4H' (4 hours) or 'P1DT12H'; months and years are not allowed because their length varies`,
);
export const timeOfDay = checkedText(
  (text) => /^(?:[01]\d|2[0-3]):[0-5]\d$/.test(text),
  (text) => `'${text}' is not a time of day: write 24-hour HH:mm, like '08:00' or '20:30'`,
);
export const calendarDate = checkedText(
  (text) => /^\d{4}-\d{2}-\d{2}$/.test(text) && DateTime.fromISO(text, { zone: 'utc' }).isValid,
  (text) => `'${text}' is not a calendar date: write YYYY-MM-DD, like '2026-12-25'`,
);
export const timeZone = checkedText(
  (text) => IANAZone.isValidZone(text),
  (text) => `unknown time zone '${text}': use an IANA name like 'America/New_York' or 'Asia/Shanghai'`,
);
export const e164 = checkedText(
  (text) => /^\+[1-9]\d{7,14}$/.test(text),
  (text) => `'${text}' is not a phone number in E.164 form, like '+12125550100'`,
);
/** Whose law a document runs under; anything looser than US law needs one other than 'US'. */
export const jurisdiction = checkedText(
  (text) => /^[A-Z]{2}(?:-[A-Z0-9]{1,3})?$/.test(text),
  (text) => `'${text}' is not a jurisdiction: write a country code like 'US' or 'CN', optionally with a region: 'US-CA'`,
);
export const wholeNumber = (min: number) => z.int().min(min);

export function distinct<T extends z.ZodType>(item: T, what: string) {
  return z.array(item).refine((list) => new Set(list).size === list.length, `lists the same ${what} twice`);
}

/** Texts per document language; `builtIn` supplies the languages Parley ships wording for. */
export function perLanguage<T extends z.ZodType>(value: T, builtIn: Record<string, z.output<T>> = {}) {
  return z
    .record(languageTag, value)
    .default({})
    .transform((given) => ({ ...builtIn, ...given }));
}
