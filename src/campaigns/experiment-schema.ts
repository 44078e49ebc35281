import { z } from 'zod';
import { languageTag, nonEmptyText, slug, timeOfDay, wholeNumber } from './schema-fields';

// A campaign's script experiments (A/B tests): each experiment splits the campaign's people among
// its arms by weight, and each arm may word or time one part of the outreach its own way. An arm
// that sets nothing is the control: it runs the campaign as written. The relation checks (is the
// disclosure still there, does the template exist, are the hours inside the window) are in
// experiment-validation.ts; assignment and the arm's campaign are in src/experiments/arms.ts.

const perLanguageText = z.record(languageTag, nonEmptyText);

export const leadOffers = ['pay-now', 'plan'] as const;

export const armSchema = z.strictObject({
  id: slug,
  /** Share of new people, relative to the other arms' weights. */
  weight: wholeNumber(1).default(1),
  /**
   * A stopped arm takes nobody new; its people move to the remaining arms at their next contact,
   * and the move is audited. Its results stay readable.
   */
  stopped: z.boolean().default(false),
  /** The call's first words, per campaign language: {{agentName}}, {{fullName}} and {{firstName}} are filled in. */
  greeting: perLanguageText.optional(),
  /** The mini-Miranda's wording (12 CFR 1006.18(e)), per language; it must still say what the law requires. */
  disclosures: z.record(languageTag, z.strictObject({ initial: nonEmptyText, subsequent: nonEmptyText })).optional(),
  /** Which offer a call makes first after the balance: the payment link or the largest plan allowed. */
  leadOffer: z.enum(leadOffers).optional(),
  /** SMS templates worded another way, by the id of the campaign template they replace. */
  templates: z.record(slug, perLanguageText).optional(),
  /** Local hours for calls, inside the contact window; texts keep the window. */
  callHours: z.strictObject({ start: timeOfDay, end: timeOfDay }).optional(),
});

export const experimentSchema = z.strictObject({
  id: slug,
  /** What the team wants to learn, in its own words; shown beside the results. */
  question: nonEmptyText.optional(),
  arms: z.array(armSchema).min(2, 'needs at least two arms to compare'),
});

export const experimentsSchema = z.array(experimentSchema).default([]);

export type ExperimentArm = z.output<typeof armSchema>;
export type Experiment = z.output<typeof experimentSchema>;

/** The parts of the script an arm can vary; two experiments may not vary the same one. */
export const variedParts = ['greeting', 'disclosures', 'leadOffer', 'templates', 'callHours'] as const;
export type VariedPart = (typeof variedParts)[number];
