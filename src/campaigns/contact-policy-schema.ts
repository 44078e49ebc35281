import { z } from 'zod';
import type { CallCapRules } from '../policy/regulation-f';
import { weekdays } from './campaign-notation';
import {
  calendarDate,
  distinct,
  duration,
  e164,
  languageTag,
  nonEmptyText,
  perLanguage,
  slug,
  timeOfDay,
  timeZone,
  wholeNumber,
} from './schema-fields';

// The outreach core's contact policy, the sections a collections campaign and a survey both write:
// languages, cadence, contact windows, retries, frequency caps, consent, opt-out, escalation and
// voice. Each document kind composes them with its own defaults where the law differs between
// kinds (Regulation F binds debt collectors, not surveys).

// §1006.6(e) for collections, CTIA messaging principles for every text: a clear way to opt out.
const builtInOptOutText = {
  en: 'Reply STOP to opt out.',
  'zh-CN': '回复“退订”即可不再接收短信。',
};

const retrySettings = z.strictObject({
  /** Retries of one step after a failed contact (busy, no answer, failed, undelivered SMS). */
  maxRetries: wholeNumber(0).max(10).default(2),
  initialInterval: duration.default('PT2H'),
  backoffCoefficient: z.number().min(1).max(10).default(2),
  maximumInterval: duration.default('PT8H'),
});

/** Fields of every cadence step; each kind adds its channel and what the step sends. */
export const stepCommon = {
  id: slug,
  delay: z.strictObject({
    /** 'previous': after the previous step was carried out; 'start': after the person joined. */
    after: z.enum(['previous', 'start']).default('previous'),
    duration,
  }),
  retry: retrySettings.prefault({}),
};

/** What the outreach core reads of any kind's step: its id, channel, delay and retries. */
const outreachStep = z.strictObject({ ...stepCommon, channel: z.enum(['sms', 'voice']) });
export type OutreachStep = z.output<typeof outreachStep>;

/** The cadence as the outreach core reads it, whatever each kind's steps add. */
export type OutreachCadence<Step extends OutreachStep = OutreachStep> = Omit<z.output<ReturnType<typeof cadenceSchema<typeof outreachStep>>>, 'steps'> & {
  steps: Step[];
};

/** The cadence section around a kind's own step schema. */
export function cadenceSchema<Step extends z.ZodType>(step: Step) {
  return z.strictObject({
    steps: z.array(step).min(1),
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
}

/** Hours are the person's local time; `hours` are the kind's defaults. */
function contactWindowSchema(hours: { start: string; end: string }) {
  return z.strictObject({
    start: timeOfDay.default(hours.start),
    /** Exclusive: with '21:00', 20:59 is inside the window and 21:00 is not. */
    end: timeOfDay.default(hours.end),
    weekdays: distinct(z.enum(weekdays), 'weekday').min(1).default([...weekdays]),
    /** Dates in the person's zone on which nobody is contacted (holidays). */
    blackoutDates: z.array(calendarDate).default([]),
  });
}

function frequencyCapsSchema(caps: CallCapRules) {
  return z.strictObject({
    maxCallAttempts: wholeNumber(1).default(caps.maxCallAttempts),
    withinDays: wholeNumber(1).default(caps.withinDays),
    quietDaysAfterConversation: wholeNumber(0).default(caps.quietDaysAfterConversation),
  });
}

const consent = z.strictObject({
  // FCC 24-17 (2024): AI-generated and text-to-speech voices are "artificial voices" under the
  // TCPA (47 U.S.C. 227(b)), so calls using them need the called person's prior express consent,
  // whatever the call is about.
  requireConsentForArtificialVoice: z.boolean().default(true),
  fallbackWhenNoConsent: z.enum(['sms', 'human-call']).default('sms'),
});

/** What hands a person to a human, with the kind's built-in intents and words. */
function escalationSchema(builtIn: { intents: string[]; keywords: Record<string, string[]> }) {
  return z.strictObject({
    minConfidence: z.number().min(0).max(1).default(0.8),
    minSentiment: z.number().min(-1).max(1).default(-0.5),
    alwaysHumanIntents: z.array(slug).default(builtIn.intents),
    keywords: perLanguage(z.array(nonEmptyText), builtIn.keywords),
    maxConsecutiveNotUnderstood: wholeNumber(1).default(2),
  });
}

/** Texts per language as written, with no built-in wording. */
export const wording = z.record(languageTag, nonEmptyText);

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

export interface ContactPolicyDefaults {
  callingHours: { start: string; end: string };
  callCaps: CallCapRules;
  escalation: { intents: string[]; keywords: Record<string, string[]> };
}

/** The contact-policy fields of a document, to spread into its schema beside its own. */
export function contactPolicySections(defaults: ContactPolicyDefaults) {
  return {
    defaultTimeZone: timeZone,
    /** The first language is the fallback for people whose language the document does not have. */
    languages: distinct(languageTag, 'language').min(1).default(['en']),
    /** Answer to a HELP text: who is texting and how to reach them (CTIA messaging principles). */
    helpText: wording,
    optOutText: perLanguage(nonEmptyText, builtInOptOutText),
    contactWindow: contactWindowSchema(defaults.callingHours).prefault({}),
    frequencyCaps: frequencyCapsSchema(defaults.callCaps).prefault({}),
    consent: consent.prefault({}),
    escalation: escalationSchema(defaults.escalation).prefault({}),
    voice: voice.prefault({}),
  };
}
