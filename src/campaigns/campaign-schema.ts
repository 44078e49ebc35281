import { IANAZone, DateTime } from 'luxon';
import { z } from 'zod';
import { isKnownCurrency } from '../policy/money';
import { regulationFCallCaps, regulationFCallingHours } from '../policy/regulation-f';
import { channels, comparisonOps, debtorNumberFields, parseCondition, readDuration, strategies, weekdays } from './campaign-notation';

// The shape of a campaign document and the rules each field obeys on its own. Rules that relate
// fields to each other (a step's template exists in every language, caps against the jurisdiction,
// window start before end) are in campaign-validation.ts: parse documents with validateCampaign,
// which runs both and reports every problem at once.
//
// A validated campaign keeps the document's own notation (ISO 8601 durations, condition text), so
// it is plain JSON that validates again to itself; durationMillis and parseCondition read that
// notation for the policy modules.

export {
  channels,
  comparisonOps,
  debtorNumberFields,
  durationMillis,
  minuteOfDay,
  parseCondition,
  strategies,
  weekdays,
  type Channel,
  type ComparisonOp,
  type Condition,
  type DebtorNumberField,
  type Strategy,
} from './campaign-notation';

function isCanonicalLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag)[0] === tag;
  } catch {
    return false;
  }
}

/** A string that passes `isValid`, else an error whose message quotes what was written. */
function checkedText(isValid: (text: string) => boolean, explain: (text: string) => string) {
  return z.string().refine(isValid, { error: (issue) => explain(String(issue.input)) });
}

const slug = checkedText(
  (text) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(text),
  (text) => `'${text}' is not a valid id: use lower-case letters, digits and single dashes, like 'first-notice'`,
);
const nonEmptyText = z.string().trim().min(1, 'must not be empty');
const languageTag = checkedText(
  isCanonicalLanguageTag,
  (text) => `'${text}' is not a language tag in canonical form, like 'en' or 'zh-CN'`,
);
const duration = checkedText(
  (text) => readDuration(text) !== null,
  (text) => `'${text}' is not a duration: write ISO 8601 like 'P2D' (2 days), 'PT4H' (4 hours) or 'P1DT12H'; months and years are not allowed because their length varies`,
);
const timeOfDay = checkedText(
  (text) => /^(?:[01]\d|2[0-3]):[0-5]\d$/.test(text),
  (text) => `'${text}' is not a time of day: write 24-hour HH:mm, like '08:00' or '20:30'`,
);
const calendarDate = checkedText(
  (text) => /^\d{4}-\d{2}-\d{2}$/.test(text) && DateTime.fromISO(text, { zone: 'utc' }).isValid,
  (text) => `'${text}' is not a calendar date: write YYYY-MM-DD, like '2026-12-25'`,
);
const timeZone = checkedText(
  (text) => IANAZone.isValidZone(text),
  (text) => `unknown time zone '${text}': use an IANA name like 'America/New_York' or 'Asia/Shanghai'`,
);
const currency = checkedText(isKnownCurrency, (text) => `'${text}' is not an ISO 4217 currency code like 'USD' or 'CNY'`);
const conditionText = checkedText(
  (text) => parseCondition(text) !== null,
  (text) =>
    `'${text}' is not a condition: write '<field> <op> <whole number>' with a field among ${debtorNumberFields.join(', ')} ` +
    `and an op among ${comparisonOps.join(' ')}, or 'flags includes <flag>' / 'flags excludes <flag>'`,
);
const e164 = checkedText(
  (text) => /^\+[1-9]\d{7,14}$/.test(text),
  (text) => `'${text}' is not a phone number in E.164 form, like '+12125550100'`,
);
const wholeNumber = (min: number) => z.int().min(min);

function distinct<T extends z.ZodType>(item: T, what: string) {
  return z.array(item).refine((list) => new Set(list).size === list.length, `lists the same ${what} twice`);
}

/** Texts per campaign language; `builtIn` supplies the languages Parley ships wording for. */
function perLanguage<T extends z.ZodType>(value: T, builtIn: Record<string, z.output<T>> = {}) {
  return z
    .record(languageTag, value)
    .default({})
    .transform((given) => ({ ...builtIn, ...given }));
}

// ---------------------------------------------------------------------------------------------
// Built-in wording, used unless a campaign writes its own

// §1006.6(e): every text carries a clear and simple way to opt out.
const builtInOptOutText = {
  en: 'Reply STOP to opt out.',
  'zh-CN': '回复“退订”即可不再接收短信。',
};

// §1006.18(e)(1) initial communication, (e)(2) every subsequent one. In another language the
// disclosure is given in that language (§1006.18(e) does not require English).
const builtInDisclosures = {
  en: {
    initial: 'This is an attempt to collect a debt and any information obtained will be used for that purpose.',
    subsequent: 'This communication is from a debt collector.',
  },
  'zh-CN': {
    initial: '这是一项债务催收行为，所获取的任何信息都将用于此目的。',
    subsequent: '本信息来自债务催收方。',
  },
};

const builtInEscalationKeywords = {
  en: ['lawyer', 'attorney', 'bankruptcy', 'bankrupt', 'dispute', 'not my debt', 'complaint', 'supervisor', 'harassment', 'sue'],
  'zh-CN': ['律师', '破产', '投诉', '不是我的', '人工', '主管', '骚扰', '起诉'],
};

// ---------------------------------------------------------------------------------------------
// Sections

const retrySettings = z.strictObject({
  /** Retries of one step after a failed contact (busy, no answer, failed, undelivered SMS). */
  maxRetries: wholeNumber(0).max(10).default(2),
  initialInterval: duration.default('PT2H'),
  backoffCoefficient: z.number().min(1).max(10).default(2),
  maximumInterval: duration.default('PT8H'),
});

const stepCommon = {
  id: slug,
  delay: z.strictObject({
    /** 'previous': after the previous step was carried out; 'start': after the debtor joined the campaign. */
    after: z.enum(['previous', 'start']).default('previous'),
    duration,
  }),
  retry: retrySettings.prefault({}),
};

const cadenceStep = z.discriminatedUnion('channel', [
  z.strictObject({ ...stepCommon, channel: z.literal('sms'), template: slug }),
  z.strictObject({ ...stepCommon, channel: z.literal('voice'), script: slug }),
]);

const cadence = z.strictObject({
  steps: z.array(cadenceStep).min(1),
  limits: z
    .strictObject({
      maxAttemptsPerChannel: z
        .strictObject({ sms: wholeNumber(0).default(10), voice: wholeNumber(0).default(10) })
        .prefault({}),
      maxAttemptsTotal: wholeNumber(1).default(20),
    })
    .prefault({}),
  onExhausted: z
    .union([z.enum(['close', 'human-queue']), z.strictObject({ restartAfter: duration })], {
      error: "must be 'close', 'human-queue' or { restartAfter: <duration> }",
    })
    .default('close'),
});

// Hours are the consumer's local time; the defaults are Regulation F's (§1006.6(b)(1)(i)).
const contactWindow = z.strictObject({
  start: timeOfDay.default(regulationFCallingHours.start),
  /** Exclusive: with '21:00', 20:59 is inside the window and 21:00 is not. */
  end: timeOfDay.default(regulationFCallingHours.end),
  weekdays: distinct(z.enum(weekdays), 'weekday').min(1).default([...weekdays]),
  /** Dates in the debtor's zone on which nobody is contacted (holidays). */
  blackoutDates: z.array(calendarDate).default([]),
});

const frequencyCaps = z.strictObject({
  maxCallAttempts: wholeNumber(1).default(regulationFCallCaps.maxCallAttempts),
  withinDays: wholeNumber(1).default(regulationFCallCaps.withinDays),
  quietDaysAfterConversation: wholeNumber(0).default(regulationFCallCaps.quietDaysAfterConversation),
});

const consent = z.strictObject({
  // FCC 24-17 (2024): AI-generated and text-to-speech voices are "artificial voices" under the
  // TCPA (47 U.S.C. 227(b)), so calls using them need the called person's prior express consent.
  requireConsentForArtificialVoice: z.boolean().default(true),
  fallbackWhenNoConsent: z.enum(['sms', 'human-call']).default('sms'),
});

const segment = z.strictObject({
  id: slug,
  /** Every condition must hold; list two segments with the same strategy for "either". */
  when: z.array(conditionText).min(1),
  strategy: z.enum(strategies),
});

const escalation = z.strictObject({
  minConfidence: z.number().min(0).max(1).default(0.8),
  minSentiment: z.number().min(-1).max(1).default(-0.5),
  alwaysHumanIntents: z.array(slug).default(['dispute', 'lawyer', 'bankruptcy', 'hardship', 'human']),
  keywords: perLanguage(z.array(nonEmptyText), builtInEscalationKeywords),
  maxConsecutiveNotUnderstood: wholeNumber(1).default(2),
});

const offers = z.strictObject({
  /** Absent: no instalment plans are offered. */
  instalmentPlan: z
    .strictObject({
      maxInstalments: wholeNumber(2),
      /** Minor units of the campaign currency (2500 = $25.00 in USD). */
      minInstalmentAmount: wholeNumber(1),
      maxDaysBetween: wholeNumber(1),
    })
    .optional(),
  promiseToPay: z.strictObject({ maxDaysOut: wholeNumber(1).default(14) }).prefault({}),
  /** Absent: no settlements are offered. */
  settlement: z
    .strictObject({
      /** Least share of the balance accepted in full settlement, in whole percent. */
      minPercentOfBalance: wholeNumber(1).max(100),
      maxDaysToPay: wholeNumber(1),
    })
    .optional(),
});

// An SMS template is a whole text message; a voice template is the script a call opens with.
// Placeholders are checked against the campaign by validation (see templates.ts for the list).
const template = z.strictObject({
  channel: z.enum(channels),
  text: z.record(languageTag, nonEmptyText),
});

const voice = z.strictObject({
  // §1006.2(j) limited-content message, or leave no message at all.
  voicemailPolicy: z.enum(['limited-content-message', 'hang-up']).default('hang-up'),
  agentNumber: e164.optional(),
  agentQueue: slug.optional(),
  dtmfFallback: z.boolean().default(true),
  /** The natural person's name the call speaks as (and a voicemail names); unset: a built-in name. */
  agentName: nonEmptyText.optional(),
  /** The business a voicemail names: must not say "debt collection" (12 CFR 1006.2(j)). */
  businessName: nonEmptyText.optional(),
  /** Number to call back, as spoken; unset: the caller id (TWILIO_FROM_NUMBER). */
  callbackNumber: nonEmptyText.optional(),
});

/**
 * One campaign document. Its version is assigned by the campaign store, not written here.
 * Fields with defaults may be left out; a minimal document needs id, name, currency,
 * defaultTimeZone, helpText, cadence.steps and templates.
 */
export const campaignSchema = z.strictObject({
  id: slug,
  name: nonEmptyText,
  kind: z.enum(['collections']).default('collections'),
  /** Whose law the campaign runs under; anything looser than Regulation F needs one other than 'US'. */
  jurisdiction: checkedText(
    (text) => /^[A-Z]{2}(?:-[A-Z0-9]{1,3})?$/.test(text),
    (text) => `'${text}' is not a jurisdiction: write a country code like 'US' or 'CN', optionally with a region: 'US-CA'`,
  ).default('US'),
  currency,
  defaultTimeZone: timeZone,
  /** The first language is the fallback for debtors whose language the campaign does not have. */
  languages: distinct(languageTag, 'language').min(1).default(['en']),
  /** Answer to a HELP text: who is texting and how to reach them (CTIA messaging principles). */
  helpText: z.record(languageTag, nonEmptyText),
  optOutText: perLanguage(nonEmptyText, builtInOptOutText),
  disclosures: perLanguage(z.strictObject({ initial: nonEmptyText, subsequent: nonEmptyText }), builtInDisclosures),
  cadence,
  contactWindow: contactWindow.prefault({}),
  frequencyCaps: frequencyCaps.prefault({}),
  consent: consent.prefault({}),
  segments: z.array(segment).default([]),
  defaultStrategy: z.enum(strategies).default('friendly-reminder'),
  escalation: escalation.prefault({}),
  offers: offers.prefault({}),
  templates: z.record(slug, template),
  voice: voice.prefault({}),
});

export type Campaign = z.output<typeof campaignSchema>;
export type CampaignInput = z.input<typeof campaignSchema>;
export type CadenceStep = Campaign['cadence']['steps'][number];
export type RetrySettings = CadenceStep['retry'];
export type ContactWindow = Campaign['contactWindow'];
export type FrequencyCaps = Campaign['frequencyCaps'];
