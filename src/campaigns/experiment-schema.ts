import { z } from 'zod';
import { languageTag, nonEmptyText, slug, timeOfDay, wholeNumber } from './schema-fields';

// Script experiments (A/B tests) of a campaign or a survey: each experiment splits the document's
// people among its arms by weight, and each arm may word or time one part of the outreach its own
// way. An arm that sets nothing is the control: it runs the document as written. The relation
// checks (is the disclosure still there, does the template exist, are the hours inside the window)
// are in experiment-validation.ts; assignment and the arm's document are in src/experiments/arms.ts.

const perLanguageText = z.record(languageTag, nonEmptyText);

const leadOffers = ['pay-now', 'plan'] as const;

const armCommon = {
  id: slug,
  /** Share of new people, relative to the other arms' weights. */
  weight: wholeNumber(1).default(1),
  /**
   * A stopped arm takes nobody new; its people move to the remaining arms at their next contact,
   * and the move is audited. Its results stay readable.
   */
  stopped: z.boolean().default(false),
  /** SMS templates worded another way, by the id of the document's template they replace. */
  templates: z.record(slug, perLanguageText).optional(),
  /** Local hours for calls, inside the contact window; texts keep the window. */
  callHours: z.strictObject({ start: timeOfDay, end: timeOfDay }).optional(),
};

export const armSchema = z.strictObject({
  ...armCommon,
  /** The call's first words, per campaign language: {{agentName}}, {{fullName}} and {{firstName}} are filled in. */
  greeting: perLanguageText.optional(),
  /** The mini-Miranda's wording (12 CFR 1006.18(e)), per language; it must still say what the law requires. */
  disclosures: z.record(languageTag, z.strictObject({ initial: nonEmptyText, subsequent: nonEmptyText })).optional(),
  /** Which offer a call makes first after the balance: the payment link or the largest plan allowed. */
  leadOffer: z.enum(leadOffers).optional(),
});

export const surveyArmSchema = z.strictObject({
  ...armCommon,
  /** The survey's introduction (the consent question), worded another way, per survey language. */
  introduction: perLanguageText.optional(),
});

function experimentsOf<Arm extends z.ZodType>(arm: Arm) {
  const experiment = z.strictObject({
    id: slug,
    /** What the team wants to learn, in its own words; shown beside the results. */
    question: nonEmptyText.optional(),
    arms: z.array(arm).min(2, 'needs at least two arms to compare'),
  });
  return z.array(experiment).default([]);
}

export const experimentsSchema = experimentsOf(armSchema);
export const surveyExperimentsSchema = experimentsOf(surveyArmSchema);

export type ExperimentArm = z.output<typeof armSchema>;
export type Experiment = z.output<typeof experimentsSchema>[number];
/** What assignment and the results need of an experiment of either kind. */
export interface AnyExperiment {
  id: string;
  question?: string;
  arms: ReadonlyArray<{ id: string; weight: number; stopped: boolean } & Partial<Record<VariedPart, unknown>>>;
}

/** The parts of the script an arm can vary; two experiments may not vary the same one. */
export const variedParts = ['greeting', 'disclosures', 'leadOffer', 'templates', 'callHours', 'introduction'] as const;
export type VariedPart = (typeof variedParts)[number];
