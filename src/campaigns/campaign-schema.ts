import { z } from 'zod';
import { DEFAULT_VERIFICATION_TRIES } from '../dialog/verification';
import { isKnownCurrency } from '../policy/money';
import { regulationFCallCaps, regulationFCallingHours } from '../policy/regulation-f';
import { channels, comparisonOps, debtorNumberFields, parseCondition, strategies } from './campaign-notation';
import { experimentsSchema } from './experiment-schema';
import { faqSchema } from './faq-schema';
import { cadenceSchema, contactPolicySections, stepCommon, wording } from './contact-policy-schema';
import { checkedText, jurisdiction, nonEmptyText, perLanguage, slug, wholeNumber } from './schema-fields';

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

const currency = checkedText(isKnownCurrency, (text) => `'${text}' is not an ISO 4217 currency code like 'USD' or 'CNY'`);
const conditionText = checkedText(
  (text) => parseCondition(text) !== null,
  (text) =>
    `'${text}' is not a condition: write '<field> <op> <whole number>' with a field among ${debtorNumberFields.join(', ')} ` +
    `and an op among ${comparisonOps.join(' ')}, or 'flags includes <flag>' / 'flags excludes <flag>'`,
);

// ---------------------------------------------------------------------------------------------
// Built-in wording, used unless a campaign writes its own

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

const cadenceStep = z.discriminatedUnion('channel', [
  z.strictObject({ ...stepCommon, channel: z.literal('sms'), template: slug }),
  z.strictObject({ ...stepCommon, channel: z.literal('voice'), script: slug }),
]);

// The defaults are Regulation F's: calling hours (§1006.6(b)(1)(i)) and call caps (§1006.14(b)(2)).
const policy = contactPolicySections({
  callingHours: regulationFCallingHours,
  callCaps: regulationFCallCaps,
  escalation: { intents: ['dispute', 'lawyer', 'bankruptcy', 'hardship', 'human'], keywords: builtInEscalationKeywords },
});

const segment = z.strictObject({
  id: slug,
  /** Every condition must hold; list two segments with the same strategy for "either". */
  when: z.array(conditionText).min(1),
  strategy: z.enum(strategies),
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

// Each try is a guess at the answer, so they are few (12 CFR 1006.6(d): no disclosure to a third party).
const verification = z.strictObject({
  /** Wrong or several-valued answers each verification question takes before the call ends unverified. */
  maxTries: wholeNumber(1).max(3).default(DEFAULT_VERIFICATION_TRIES),
  /** Asked after the year of birth: the imported ZIP code, or the last 4 digits of the account reference. */
  secondFactor: z.enum(['zip', 'account-last-4']).optional(),
});

// An SMS template is a whole text message; a voice template is the script a call opens with.
// Placeholders are checked against the campaign by validation (see templates.ts for the list).
const template = z.strictObject({
  channel: z.enum(channels),
  text: wording,
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
  jurisdiction: jurisdiction.default('US'),
  currency,
  defaultTimeZone: policy.defaultTimeZone,
  languages: policy.languages,
  helpText: policy.helpText,
  optOutText: policy.optOutText,
  disclosures: perLanguage(z.strictObject({ initial: nonEmptyText, subsequent: nonEmptyText }), builtInDisclosures),
  cadence: cadenceSchema(cadenceStep),
  contactWindow: policy.contactWindow,
  frequencyCaps: policy.frequencyCaps,
  consent: policy.consent,
  segments: z.array(segment).default([]),
  defaultStrategy: z.enum(strategies).default('friendly-reminder'),
  escalation: policy.escalation,
  offers: offers.prefault({}),
  verification: verification.prefault({}),
  templates: z.record(slug, template),
  voice: policy.voice,
  /** Questions the rule engine answers on calls without the LLM (faq-schema.ts). */
  faq: faqSchema,
  /** Script experiments: arms that word or time parts of the outreach differently (experiment-schema.ts). */
  experiments: experimentsSchema,
});

export type Campaign = z.output<typeof campaignSchema>;
export type CampaignInput = z.input<typeof campaignSchema>;
export type CadenceStep = Campaign['cadence']['steps'][number];
export type RetrySettings = CadenceStep['retry'];
export type ContactWindow = Campaign['contactWindow'];
export type FrequencyCaps = Campaign['frequencyCaps'];
