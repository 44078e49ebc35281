import { channels, durationMillis, minuteOfDay, type Channel } from './campaign-notation';
import type { FieldError } from './document-validation';
import { hasMalformedPlaceholder, placeholdersIn } from './templates';

// Relation checks of the contact-policy sections (contact-policy-schema.ts), shared by every kind
// of outreach document. They take the sections structurally, so that each kind's own step and
// template shapes fit.

export type DocumentKind = 'campaign' | 'survey';

interface PolicyStep {
  id: string;
  channel: Channel;
  delay: { after: 'previous' | 'start'; duration: string };
  retry: { initialInterval: string; maximumInterval: string };
}

interface PolicySections {
  jurisdiction: string;
  cadence: { steps: readonly PolicyStep[]; limits: { maxAttemptsPerChannel: Record<Channel, number> }; onExhausted: unknown };
  contactWindow: { start: string; end: string };
  consent: { requireConsentForArtificialVoice: boolean; fallbackWhenNoConsent: 'sms' | 'human-call' };
  voice: { agentNumber?: string; agentQueue?: string };
}

type PolicyCheck = (document: Partial<PolicySections>) => FieldError[];

/** Steps are listed in the order they happen (delays after 'start' cannot jump back before earlier steps). */
const stepsAreInOrder: PolicyCheck = ({ cadence }) => {
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

const retryIntervalsAreOrdered: PolicyCheck = ({ cadence }) =>
  (cadence?.steps ?? []).flatMap((step, index) =>
    durationMillis(step.retry.initialInterval) > durationMillis(step.retry.maximumInterval)
      ? [{ path: `cadence.steps.${index}.retry.maximumInterval`, message: `is shorter than initialInterval (${step.retry.initialInterval})` }]
      : [],
  );

/** A channel the cadence uses must be allowed at least one attempt. */
const usedChannelsHaveAttempts: PolicyCheck = ({ cadence }) => {
  if (!cadence) return [];
  return channels.flatMap((channel) => {
    const firstStep = cadence.steps.find((step) => step.channel === channel);
    return firstStep && cadence.limits.maxAttemptsPerChannel[channel] === 0
      ? [{ path: `cadence.limits.maxAttemptsPerChannel.${channel}`, message: `is 0, but step '${firstStep.id}' is a ${channel} step` }]
      : [];
  });
};

const windowStartsBeforeItEnds: PolicyCheck = ({ contactWindow }) =>
  contactWindow && minuteOfDay(contactWindow.start) >= minuteOfDay(contactWindow.end)
    ? [{ path: 'contactWindow.end', message: `must be later than start (${contactWindow.start}): a window cannot span midnight` }]
    : [];

/** The checks of cadence and window that hold for every kind, in the order campaigns report them. */
export const cadenceChecks: readonly PolicyCheck[] = [stepsAreInOrder, retryIntervalsAreOrdered, usedChannelsHaveAttempts, windowStartsBeforeItEnds];

export function isUnderUSLaw(jurisdiction: string | undefined): jurisdiction is string {
  return jurisdiction !== undefined && (jurisdiction === 'US' || jurisdiction.startsWith('US-'));
}

export function looserThanUSLaw(what: string, kind: DocumentKind): string {
  return `${what}, looser than US law; if US law does not apply, set jurisdiction to where the ${kind} runs`;
}

/** TCPA consent binds every call with an artificial voice, debt collection or not. */
export function artificialVoiceWithoutConsent({ jurisdiction, consent }: Partial<PolicySections>, kind: DocumentKind): FieldError[] {
  if (!isUnderUSLaw(jurisdiction) || !consent || consent.requireConsentForArtificialVoice) return [];
  return [
    {
      path: 'consent.requireConsentForArtificialVoice',
      message: looserThanUSLaw('calls with an AI voice without prior express consent (TCPA, FCC 24-17)', kind),
    },
  ];
}

/**
 * Whatever hands a person to a human needs somewhere to hand them: the contact policy's own
 * hand-offs and the kind's `others` (say, a human-first strategy).
 */
export function handOffsWithoutAPerson(
  { voice, consent, cadence }: Partial<PolicySections>,
  others: ReadonlyArray<string | null>,
  people: string,
): FieldError[] {
  if (!voice || voice.agentNumber || voice.agentQueue) return [];
  const handOffs = [
    consent?.fallbackWhenNoConsent === 'human-call' ? 'consent.fallbackWhenNoConsent is human-call' : null,
    cadence?.onExhausted === 'human-queue' ? 'cadence.onExhausted is human-queue' : null,
    ...others,
  ].filter((handOff) => handOff !== null);
  return handOffs.length > 0
    ? [{ path: 'voice', message: `needs agentNumber or agentQueue: ${handOffs.join(', ')}, but no person is named to hand ${people} to` }]
    : [];
}

// ---------------------------------------------------------------------------------------------
// Wording per language

export interface WordingRules {
  kind: DocumentKind;
  languages: readonly string[];
  /** Completes "is missing: ... in each survey language", e.g. 'every template needs a text'. */
  needs: string;
  /** Whether a {{placeholder}} can be filled here, and the ones to suggest when it cannot. */
  fills: (name: string) => boolean;
  suggested: readonly string[];
}

/** Texts in exactly the document's languages, with placeholders it can fill. */
export function wordingProblems(path: string, texts: Readonly<Record<string, string>>, rules: WordingRules): FieldError[] {
  const { kind, languages } = rules;
  const missing = languages
    .filter((language) => texts[language] === undefined)
    .map((language) => ({ path: `${path}.${language}`, message: `is missing: ${rules.needs} in each ${kind} language (${languages.join(', ')})` }));
  const problems = Object.entries(texts).flatMap(([language, text]): FieldError[] => {
    const at = `${path}.${language}`;
    if (!languages.includes(language)) return [{ path: at, message: `'${language}' is not one of the ${kind}'s languages (${languages.join(', ')})` }];
    const unknown = placeholdersIn(text).filter((name) => !rules.fills(name));
    return [
      ...unknown.map((name) => ({
        path: at,
        message: `uses {{${name}}}, which the ${kind} cannot fill${suggestion(rules.suggested)}`,
      })),
      ...(hasMalformedPlaceholder(text) ? [{ path: at, message: 'has unmatched braces: write placeholders as {{name}}' }] : []),
    ];
  });
  return [...missing, ...problems];
}

/** Each step that sends a template names an existing template of its own channel. */
export function stepsNameTheirTemplates<Step extends PolicyStep>(
  steps: readonly Step[],
  templates: Readonly<Record<string, { channel: Channel }>>,
  reference: (step: Step) => { field: string; templateId: string } | null,
): FieldError[] {
  return steps.flatMap((step, index): FieldError[] => {
    const named = reference(step);
    if (!named) return [];
    const path = `cadence.steps.${index}.${named.field}`;
    const template = templates[named.templateId];
    if (!template) return [{ path, message: `names '${named.templateId}', which is not in templates` }];
    if (template.channel !== step.channel) {
      return [{ path, message: `names '${named.templateId}', a ${template.channel} template; a ${step.channel} step needs a ${step.channel} template` }];
    }
    return [];
  });
}

function suggestion(placeholders: readonly string[]): string {
  return placeholders.length > 0 ? `: use ${placeholders.map((known) => `{{${known}}}`).join(' ')}` : ' here: this text takes no placeholders';
}
