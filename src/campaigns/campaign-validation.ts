import { regulationFCallCaps, regulationFCallingHours } from '../policy/regulation-f';
import { campaignSchema, minuteOfDay, type Campaign } from './campaign-schema';
import {
  artificialVoiceWithoutConsent,
  cadenceChecks,
  handOffsWithoutAPerson,
  isUnderUSLaw,
  looserThanUSLaw,
  stepsNameTheirTemplates,
  wordingProblems,
} from './contact-policy-validation';
import { repeatedIds, validateDocument, type FieldError, type RelationCheck as CheckOf } from './document-validation';
import { experimentChecks } from './experiment-validation';
import { faqFitsTheLanguages } from './faq-schema';
import { placeholders } from './templates';

// Validation of a campaign document: the field rules of campaign-schema.ts and the relation checks
// below, every problem at once, each with its path and a reason in plain words (document-validation.ts).

export type { FieldError } from './document-validation';

export type CampaignValidation = { ok: true; campaign: Campaign } | { ok: false; errors: FieldError[] };

export function validateCampaign(input: unknown): CampaignValidation {
  const validation = validateDocument(campaignSchema, relationChecks, input);
  return validation.ok ? { ok: true, campaign: validation.document } : validation;
}

// ---------------------------------------------------------------------------------------------
// Checks that relate fields

type RelationCheck = CheckOf<Campaign>;

/** Every campaign language has its help text, opt-out text and disclosures. */
const everyLanguageHasItsTexts: RelationCheck = ({ languages, helpText, optOutText, disclosures }) => {
  if (!languages) return [];
  const sections = { helpText, optOutText, disclosures };
  return Object.entries(sections).flatMap(([section, texts]) =>
    texts === undefined
      ? []
      : languages
          .filter((language) => texts[language] === undefined)
          .map((language) => ({ path: `${section}.${language}`, message: `is missing: every campaign language needs its ${section}` })),
  );
};

/** Templates are written in exactly the campaign's languages, with placeholders the campaign can fill. */
const templatesFitTheCampaign: RelationCheck = ({ languages, templates }) => {
  if (!languages || !templates) return [];
  const known = new Set<string>(placeholders);
  const rules = { kind: 'campaign', languages, needs: 'every template needs a text', fills: (name: string) => known.has(name), suggested: placeholders } as const;
  return Object.entries(templates).flatMap(([templateId, template]) => wordingProblems(`templates.${templateId}.text`, template.text, rules));
};

/** Each step names an existing template of its own channel. */
const stepsReferToTemplates: RelationCheck = ({ cadence, templates }) =>
  cadence && templates
    ? stepsNameTheirTemplates(cadence.steps, templates, (step) =>
        step.channel === 'sms' ? { field: 'template', templateId: step.template } : { field: 'script', templateId: step.script },
      )
    : [];

const idsAreUnique: RelationCheck = ({ cadence, segments }) => [
  ...(cadence ? repeatedIds(cadence.steps, 'cadence.steps', 'step') : []),
  ...(segments ? repeatedIds(segments, 'segments', 'segment') : []),
];

/**
 * Settings looser than US law need an explicit non-US jurisdiction, so that the law is never
 * exceeded by a forgotten default or a typo.
 */
const noLooserThanUSLaw: RelationCheck = (campaign) => {
  const { jurisdiction, frequencyCaps, contactWindow } = campaign;
  if (!isUnderUSLaw(jurisdiction)) return [];
  const errors: FieldError[] = [];
  const flag = (condition: boolean, path: string, what: string) => {
    if (condition) errors.push({ path, message: looserThanUSLaw(what, 'campaign') });
  };
  if (frequencyCaps) {
    flag(frequencyCaps.maxCallAttempts > regulationFCallCaps.maxCallAttempts, 'frequencyCaps.maxCallAttempts',
      `allows more than ${regulationFCallCaps.maxCallAttempts} call attempts in ${regulationFCallCaps.withinDays} days (12 CFR 1006.14(b)(2)(i)(A))`);
    flag(frequencyCaps.withinDays < regulationFCallCaps.withinDays, 'frequencyCaps.withinDays',
      `counts call attempts over fewer than ${regulationFCallCaps.withinDays} days (12 CFR 1006.14(b)(2)(i)(A))`);
    flag(frequencyCaps.quietDaysAfterConversation < regulationFCallCaps.quietDaysAfterConversation, 'frequencyCaps.quietDaysAfterConversation',
      `allows calls sooner than ${regulationFCallCaps.quietDaysAfterConversation} days after a conversation (12 CFR 1006.14(b)(2)(i)(B))`);
  }
  if (contactWindow) {
    flag(minuteOfDay(contactWindow.start) < minuteOfDay(regulationFCallingHours.start), 'contactWindow.start',
      `allows contacts before ${regulationFCallingHours.start} local time (12 CFR 1006.6(b)(1)(i))`);
    flag(minuteOfDay(contactWindow.end) > minuteOfDay(regulationFCallingHours.end), 'contactWindow.end',
      `allows contacts after ${regulationFCallingHours.end} local time (12 CFR 1006.6(b)(1)(i))`);
  }
  return [...errors, ...artificialVoiceWithoutConsent(campaign, 'campaign')];
};

const humansHaveARoute: RelationCheck = (campaign) => {
  const { segments, defaultStrategy } = campaign;
  const humanFirst = defaultStrategy === 'human-first' || segments?.some((segment) => segment.strategy === 'human-first');
  return handOffsWithoutAPerson(campaign, [humanFirst ? 'a strategy is human-first' : null], 'debtors');
};

/** The consequences-and-plan strategy offers a plan, so the campaign must define one. */
const plansAreDefinedWhenOffered: RelationCheck = ({ offers, segments, defaultStrategy }) => {
  if (!offers || offers.instalmentPlan) return [];
  const offering = [
    ...(segments ?? []).filter((segment) => segment.strategy === 'consequences-and-plan').map((segment) => `segment '${segment.id}'`),
    ...(defaultStrategy === 'consequences-and-plan' ? ['defaultStrategy'] : []),
  ];
  return offering.length > 0
    ? [{ path: 'offers.instalmentPlan', message: `is required: ${offering.join(', ')} use the consequences-and-plan strategy, which offers an instalment plan` }]
    : [];
};

const faqSpeaksTheCampaignLanguages: RelationCheck = ({ faq, languages }) => (faq && languages ? faqFitsTheLanguages(faq, languages) : []);

const relationChecks: RelationCheck[] = [
  everyLanguageHasItsTexts,
  templatesFitTheCampaign,
  stepsReferToTemplates,
  idsAreUnique,
  ...cadenceChecks,
  noLooserThanUSLaw,
  humansHaveARoute,
  plansAreDefinedWhenOffered,
  faqSpeaksTheCampaignLanguages,
  experimentChecks,
];
