import { minuteOfDay } from './campaign-notation';
import type { Campaign } from './campaign-schema';
import { speaksOfTheDebt } from './debt-words';
import { wordingProblems, type WordingRules } from './contact-policy-validation';
import { repeatedIds, type FieldError } from './document-validation';
import { variedParts, type AnyExperiment, type ExperimentArm, type VariedPart } from './experiment-schema';
import { placeholders } from './templates';

// An arm passes the same compliance checks as the campaign it varies: a variant is refused at
// validation, naming the path, when it would drop a required disclosure, talk about the debt before
// the person is verified, call outside the contact window, or word a template the campaign cannot fill.

type Sections = Partial<Campaign>;

const greetingPlaceholders = ['agentName', 'fullName', 'firstName'];

/**
 * What each language's disclosure must still say, in words a reader can check (12 CFR 1006.18(e)):
 * the initial one that this is an attempt to collect a debt and that information obtained will be
 * used for that purpose; every later one that it is from a debt collector.
 */
const disclosureMustSay: Record<string, { initial: RegExp[]; subsequent: RegExp[]; explain: { initial: string; subsequent: string } }> = {
  en: {
    initial: [/\b(?:collect(?:ing)? a debt|debt collect(?:or|ion))\b/i, /\binformation\b[^.]*\bused for (?:that|this) purpose\b/i],
    subsequent: [/\bdebt collector\b/i],
    explain: {
      initial: "must say it is an attempt to collect a debt and that any information obtained will be used for that purpose",
      subsequent: "must say the communication is from a debt collector",
    },
  },
  'zh-CN': {
    initial: [/债务催收|催收债务/, /信息[^。]*用于/],
    subsequent: [/债务催收/],
    explain: { initial: '必须说明这是债务催收行为，且所获取的信息将用于此目的', subsequent: '必须说明本信息来自债务催收方' },
  },
};


/** What the experiment checks read of a campaign or a survey. */
interface ExperimentSections {
  experiments?: readonly AnyExperiment[];
  templates?: Readonly<Record<string, { channel: string }>>;
  contactWindow?: { start: string; end: string };
}

/**
 * The checks every kind of document's experiments pass: unique ids, a running arm, one experiment
 * per part of the script, templates that exist and fill, call hours inside the window; then the
 * kind's own checks of each arm (`armProblems`, given the arm and its path).
 */
export function experimentProblems(
  { experiments, templates, contactWindow }: ExperimentSections,
  templateRules: WordingRules | undefined,
  armProblems: (arm: AnyExperiment['arms'][number], at: string) => FieldError[],
): FieldError[] {
  if (!experiments) return [];
  const partsVaried = new Map<VariedPart, string>();
  const errors = [...repeatedIds(experiments, 'experiments', 'experiment')];
  experiments.forEach((experiment, e) => {
    const path = `experiments.${e}`;
    errors.push(...repeatedIds(experiment.arms, `${path}.arms`, 'arm'));
    if (experiment.arms.every((arm) => arm.stopped)) errors.push({ path: `${path}.arms`, message: 'has every arm stopped: leave at least one running, or remove the experiment' });
    for (const part of partsOf(experiment)) {
      const other = partsVaried.get(part);
      if (other) errors.push({ path, message: `varies the ${part}, which experiment '${other}' varies too: one part of the script belongs to one experiment at a time, or their results mix` });
      partsVaried.set(part, experiment.id);
    }
    experiment.arms.forEach((arm, a) => {
      const at = `${path}.arms.${a}`;
      if (templates && templateRules) errors.push(...templateProblems(arm.templates as Record<string, Record<string, string>> | undefined, at, templates, templateRules));
      if (contactWindow) errors.push(...callHourProblems(arm.callHours as { start: string; end: string } | undefined, at, contactWindow));
      errors.push(...armProblems(arm, at));
    });
  });
  return errors;
}

/** A collections campaign's experiments: the common checks, and the greeting, disclosure and offer of each arm. */
export function experimentChecks(campaign: Sections): FieldError[] {
  const { languages, offers } = campaign;
  const known = new Set<string>(placeholders);
  const templateRules = languages && { kind: 'campaign', languages, needs: 'every template needs a text', fills: (name: string) => known.has(name), suggested: placeholders } as const;
  return experimentProblems(campaign, templateRules, (anyArm, at) => {
    const arm = anyArm as ExperimentArm;
    const errors = languages ? [...greetingProblems(arm, at, languages), ...disclosureProblems(arm, at, languages)] : [];
    if (arm.leadOffer === 'plan' && offers && !offers.instalmentPlan) {
      errors.push({ path: `${at}.leadOffer`, message: "is 'plan', but the campaign offers no instalment plan (offers.instalmentPlan)" });
    }
    return errors;
  });
}

export function partsOf(experiment: AnyExperiment): VariedPart[] {
  return variedParts.filter((part) => experiment.arms.some((arm) => arm[part] !== undefined));
}

function greetingProblems({ greeting }: ExperimentArm, at: string, languages: readonly string[]): FieldError[] {
  if (!greeting) return [];
  const rules = { kind: 'campaign', languages, needs: 'a greeting', fills: (name: string) => greetingPlaceholders.includes(name), suggested: greetingPlaceholders } as const;
  const mentionsDebt = Object.entries(greeting).flatMap(([language, text]) =>
    speaksOfTheDebt(text, language)
      ? [{ path: `${at}.greeting.${language}`, message: 'speaks of the debt before the person is verified; a greeting may be heard by someone else (12 CFR 1006.6(d))' }]
      : [],
  );
  return [...wordingProblems(`${at}.greeting`, greeting, rules), ...mentionsDebt];
}

function disclosureProblems({ disclosures }: ExperimentArm, at: string, languages: readonly string[]): FieldError[] {
  if (!disclosures) return [];
  const missing = languages
    .filter((language) => disclosures[language] === undefined)
    .map((language) => ({ path: `${at}.disclosures.${language}`, message: 'is missing: an arm that words the disclosure words it in every campaign language' }));
  const dropped = Object.entries(disclosures).flatMap(([language, texts]) => {
    const rules = disclosureMustSay[language];
    if (!rules) return [];
    return (['initial', 'subsequent'] as const).flatMap((kind) =>
      rules[kind].every((pattern) => pattern.test(texts[kind]))
        ? []
        : [{ path: `${at}.disclosures.${language}.${kind}`, message: `drops the required disclosure: it ${rules.explain[kind]} (12 CFR 1006.18(e))` }],
    );
  });
  return [...missing, ...dropped];
}

function templateProblems(
  reworded: Record<string, Record<string, string>> | undefined,
  at: string,
  documentTemplates: Readonly<Record<string, { channel: string }>>,
  rules: WordingRules,
): FieldError[] {
  if (!reworded) return [];
  return Object.entries(reworded).flatMap(([templateId, text]): FieldError[] => {
    const path = `${at}.templates.${templateId}`;
    const base = documentTemplates[templateId];
    if (!base) return [{ path, message: `names no template of the ${rules.kind}: an arm rewords one of ${Object.keys(documentTemplates).join(', ') || 'its templates (it has none)'}` }];
    if (base.channel !== 'sms') return [{ path, message: `is a ${base.channel} template: an arm rewords SMS templates (a call's wording is its greeting)` }];
    return wordingProblems(path, text, rules);
  });
}

function callHourProblems(callHours: { start: string; end: string } | undefined, at: string, window: { start: string; end: string }): FieldError[] {
  if (!callHours) return [];
  const [start, end] = [minuteOfDay(callHours.start), minuteOfDay(callHours.end)];
  if (start >= end) return [{ path: `${at}.callHours.end`, message: `must be after start (${callHours.start})` }];
  if (start < minuteOfDay(window.start) || end > minuteOfDay(window.end)) {
    return [{ path: `${at}.callHours`, message: `${callHours.start}-${callHours.end} is not inside the contact window ${window.start}-${window.end}` }];
  }
  return [];
}
