import type { z } from 'zod';
import { regulationFCallCaps, regulationFCallingHours } from '../policy/regulation-f';
import {
  campaignSchema,
  channels,
  durationMillis,
  minuteOfDay,
  type Campaign,
  type CadenceStep,
} from './campaign-schema';
import { hasMalformedPlaceholder, placeholders, placeholdersIn } from './templates';

// Validation of a campaign document for the people who write one: every problem at once, each with
// the dotted path of the field ('cadence.steps.2.delay') and a reason in plain words. The schema
// checks each field; the checks below relate fields to each other, and run on every section that
// is itself valid, so a typo in one section does not hide a missing template in another.

export interface FieldError {
  path: string;
  message: string;
}

export type CampaignValidation = { ok: true; campaign: Campaign } | { ok: false; errors: FieldError[] };

export function validateCampaign(input: unknown): CampaignValidation {
  const parsed = campaignSchema.safeParse(input, { error: plainMessage, reportInput: true });
  const fieldErrors = parsed.success ? [] : parsed.error.issues.flatMap(toFieldErrors);
  const sections = parsed.success ? parsed.data : validSections(input);
  const errors = [...fieldErrors, ...relationChecks.flatMap((check) => check(sections))];
  if (parsed.success && errors.length === 0) return { ok: true, campaign: parsed.data };
  return { ok: false, errors };
}

/** The top-level sections that are valid on their own, for the relation checks. */
function validSections(input: unknown): Partial<Campaign> {
  const document: Record<string, unknown> = typeof input === 'object' && input !== null ? { ...input } : {};
  const sections: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(campaignSchema.shape)) {
    const section = schema.safeParse(document[key]);
    if (section.success) sections[key] = section.data;
  }
  return sections as Partial<Campaign>;
}

// ---------------------------------------------------------------------------------------------
// Zod issues in plain words

function toFieldErrors(issue: z.core.$ZodIssue): FieldError[] {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path: dotted([...path, key]), message: 'is not a known field here (check the spelling)' }));
  }
  if (issue.code === 'invalid_key') {
    return [{ path: dotted(path), message: issue.issues.map((inner) => inner.message).join('; ') }];
  }
  return [{ path: dotted(path), message: issue.message }];
}

function dotted(path: readonly string[]): string {
  return path.length > 0 ? path.join('.') : '(document)';
}

const typeNames: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a section of fields',
  record: 'a section of fields',
};

function plainMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return `must be ${typeNames[issue.expected] ?? issue.expected}, not ${describeValue(issue.input)}`;
    case 'too_small':
      if (issue.origin === 'array') return `needs at least ${issue.minimum} ${issue.minimum === 1 ? 'entry' : 'entries'}`;
      if (issue.origin === 'string') return 'must not be empty';
      return issue.inclusive ? `must be at least ${issue.minimum}` : `must be more than ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'array') return `allows at most ${issue.maximum} entries`;
      return issue.inclusive ? `must be at most ${issue.maximum}` : `must be less than ${issue.maximum}`;
    case 'invalid_value':
      return `must be ${oneOf(issue.values)}`;
    case 'invalid_union':
      // A discriminated union (cadence step channels) names the accepted values.
      return Array.isArray(issue.options) ? `must be ${oneOf(issue.options)}` : undefined;
    default:
      return undefined;
  }
}

function oneOf(values: readonly unknown[]): string {
  const quoted = values.map((value) => `'${String(value)}'`);
  return quoted.length <= 2 ? quoted.join(' or ') : `one of ${quoted.join(', ')}`;
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'empty';
  if (typeof value === 'object') return 'a section of fields';
  if (typeof value === 'string') return `the text '${value.length > 40 ? `${value.slice(0, 40)}...` : value}'`;
  return String(value);
}

// ---------------------------------------------------------------------------------------------
// Checks that relate fields

type RelationCheck = (campaign: Partial<Campaign>) => FieldError[];

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
  return Object.entries(templates).flatMap(([templateId, template]) => {
    const base = `templates.${templateId}.text`;
    const missing = languages
      .filter((language) => template.text[language] === undefined)
      .map((language) => ({ path: `${base}.${language}`, message: `is missing: every template needs a text in each campaign language (${languages.join(', ')})` }));
    const problems = Object.entries(template.text).flatMap(([language, text]): FieldError[] => {
      const path = `${base}.${language}`;
      if (!languages.includes(language)) return [{ path, message: `'${language}' is not one of the campaign's languages (${languages.join(', ')})` }];
      const unknown = placeholdersIn(text).filter((name) => !known.has(name));
      return [
        ...unknown.map((name) => ({
          path,
          message: `uses {{${name}}}, which the campaign cannot fill: use ${placeholders.map((known) => `{{${known}}}`).join(' ')}`,
        })),
        ...(hasMalformedPlaceholder(text) ? [{ path, message: 'has unmatched braces: write placeholders as {{name}}' }] : []),
      ];
    });
    return [...missing, ...problems];
  });
};

function templateReference(step: CadenceStep): { field: string; templateId: string } {
  return step.channel === 'sms' ? { field: 'template', templateId: step.template } : { field: 'script', templateId: step.script };
}

/** Each step names an existing template of its own channel. */
const stepsReferToTemplates: RelationCheck = ({ cadence, templates }) => {
  if (!cadence || !templates) return [];
  return cadence.steps.flatMap((step, index): FieldError[] => {
    const { field, templateId } = templateReference(step);
    const path = `cadence.steps.${index}.${field}`;
    const template = templates[templateId];
    if (!template) return [{ path, message: `names '${templateId}', which is not in templates` }];
    if (template.channel !== step.channel) {
      return [{ path, message: `names '${templateId}', a ${template.channel} template; a ${step.channel} step needs a ${step.channel} template` }];
    }
    return [];
  });
};

function repeatedIds(items: ReadonlyArray<{ id: string }>, section: string, what: string): FieldError[] {
  return items.flatMap((item, index) =>
    items.findIndex((other) => other.id === item.id) < index
      ? [{ path: `${section}.${index}.id`, message: `'${item.id}' is already the id of an earlier ${what}` }]
      : [],
  );
}

const idsAreUnique: RelationCheck = ({ cadence, segments }) => [
  ...(cadence ? repeatedIds(cadence.steps, 'cadence.steps', 'step') : []),
  ...(segments ? repeatedIds(segments, 'segments', 'segment') : []),
];

/** Steps are listed in the order they happen (delays after 'start' cannot jump back before earlier steps). */
const stepsAreInOrder: RelationCheck = ({ cadence }) => {
  if (!cadence) return [];
  let previousOffset = 0;
  return cadence.steps.flatMap((step, index): FieldError[] => {
    const delay = durationMillis(step.delay.duration);
    const offset = step.delay.after === 'start' ? delay : previousOffset + delay;
    const outOfOrder = offset < previousOffset;
    previousOffset = Math.max(previousOffset, offset);
    return outOfOrder
      ? [{ path: `cadence.steps.${index}.delay`, message: `puts step '${step.id}' before the step above it: list the steps in the order they happen` }]
      : [];
  });
};

const retryIntervalsAreOrdered: RelationCheck = ({ cadence }) =>
  (cadence?.steps ?? []).flatMap((step, index) =>
    durationMillis(step.retry.initialInterval) > durationMillis(step.retry.maximumInterval)
      ? [{ path: `cadence.steps.${index}.retry.maximumInterval`, message: `is shorter than initialInterval (${step.retry.initialInterval})` }]
      : [],
  );

/** A channel the cadence uses must be allowed at least one attempt. */
const usedChannelsHaveAttempts: RelationCheck = ({ cadence }) => {
  if (!cadence) return [];
  return channels.flatMap((channel) => {
    const firstStep = cadence.steps.find((step) => step.channel === channel);
    return firstStep && cadence.limits.maxAttemptsPerChannel[channel] === 0
      ? [{ path: `cadence.limits.maxAttemptsPerChannel.${channel}`, message: `is 0, but step '${firstStep.id}' is a ${channel} step` }]
      : [];
  });
};

const windowStartsBeforeItEnds: RelationCheck = ({ contactWindow }) =>
  contactWindow && minuteOfDay(contactWindow.start) >= minuteOfDay(contactWindow.end)
    ? [{ path: 'contactWindow.end', message: `must be later than start (${contactWindow.start}): a window cannot span midnight` }]
    : [];

/**
 * Settings looser than US law need an explicit non-US jurisdiction, so that the law is never
 * exceeded by a forgotten default or a typo.
 */
const noLooserThanUSLaw: RelationCheck = ({ jurisdiction, frequencyCaps, contactWindow, consent }) => {
  if (jurisdiction === undefined || !(jurisdiction === 'US' || jurisdiction.startsWith('US-'))) return [];
  const why = `, looser than US law; if US law does not apply, set jurisdiction to where the campaign runs`;
  const errors: FieldError[] = [];
  const flag = (condition: boolean, path: string, what: string) => {
    if (condition) errors.push({ path, message: what + why });
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
  if (consent) {
    flag(!consent.requireConsentForArtificialVoice, 'consent.requireConsentForArtificialVoice',
      'calls with an AI voice without prior express consent (TCPA, FCC 24-17)');
  }
  return errors;
};

/** Whatever hands a debtor to a person needs somewhere to hand them. */
const humansHaveARoute: RelationCheck = ({ voice, consent, cadence, segments, defaultStrategy }) => {
  if (!voice || voice.agentNumber || voice.agentQueue) return [];
  const handOffs = [
    consent?.fallbackWhenNoConsent === 'human-call' ? 'consent.fallbackWhenNoConsent is human-call' : null,
    cadence?.onExhausted === 'human-queue' ? 'cadence.onExhausted is human-queue' : null,
    defaultStrategy === 'human-first' || segments?.some((segment) => segment.strategy === 'human-first') ? 'a strategy is human-first' : null,
  ].filter((handOff) => handOff !== null);
  return handOffs.length > 0
    ? [{ path: 'voice', message: `needs agentNumber or agentQueue: ${handOffs.join(', ')}, but no person is named to hand debtors to` }]
    : [];
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

const relationChecks: RelationCheck[] = [
  everyLanguageHasItsTexts,
  templatesFitTheCampaign,
  stepsReferToTemplates,
  idsAreUnique,
  stepsAreInOrder,
  retryIntervalsAreOrdered,
  usedChannelsHaveAttempts,
  windowStartsBeforeItEnds,
  noLooserThanUSLaw,
  humansHaveARoute,
  plansAreDefinedWhenOffered,
];
