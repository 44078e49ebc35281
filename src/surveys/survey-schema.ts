import { z } from 'zod';
import type { CallCapRules } from '../policy/regulation-f';
import { cadenceSchema, contactPolicySections, stepCommon, wording } from '../campaigns/contact-policy-schema';
import { surveyExperimentsSchema } from '../campaigns/experiment-schema';
import { calendarDate, checkedText, distinct, duration, jurisdiction, languageTag, nonEmptyText, slug, wholeNumber } from '../campaigns/schema-fields';
import { conditionNotationHelp, hiddenFieldPattern, parseAnswerCondition } from './condition-notation';
import { conditionOps, type AnswerCondition, type JumpTarget } from './question-types';

// The shape of a survey document and the rules each field obeys on its own; survey-validation.ts
// relates the fields (wording in every language, conditions on earlier answers, no loops). Parse
// documents with validateSurvey. Conditions and jumps are read from their notation into the
// structured form of question-types.ts, which is accepted too, so a validated survey validates
// again to itself.

// ---------------------------------------------------------------------------------------------
// Contact policy: the outreach core's, with defaults for surveys

/**
 * Regulation F (12 CFR 1006) binds debt collectors, not surveys. The hours are the TCPA's for
 * telephone solicitations (47 CFR 64.1200(c)(1): not before 8 a.m. or after 9 p.m. local time);
 * a survey is not a solicitation, but these are the hours people expect calls in.
 */
const surveyCallingHours = { start: '08:00', end: '21:00' } as const;

/**
 * Three attempts in any seven days: enough for an invitation call, one retry after no answer and
 * one to finish after a hang-up half-way, and few enough that a survey never feels like pursuit.
 * No quiet days after a conversation, so a respondent who hung up half-way can be called back to
 * finish, within the window and the three attempts.
 */
const surveyCallCaps: CallCapRules = { maxCallAttempts: 3, withinDays: 7, quietDaysAfterConversation: 0 };

const policy = contactPolicySections({
  callingHours: surveyCallingHours,
  callCaps: surveyCallCaps,
  escalation: {
    intents: ['human'],
    keywords: {
      en: ['supervisor', 'manager', 'real person', 'complaint', 'harassment'],
      'zh-CN': ['人工', '主管', '经理', '投诉', '骚扰'],
    },
  },
});

// A survey call opens with the survey's introduction, so a voice step names no script.
const cadenceStep = z.discriminatedUnion('channel', [
  z.strictObject({ ...stepCommon, channel: z.literal('sms'), template: slug }),
  z.strictObject({ ...stepCommon, channel: z.literal('voice') }),
]);

/** Invitation and reminder texts: the campaign template shape, for SMS only. */
const template = z.strictObject({ channel: z.literal('sms').default('sms'), text: wording });

// ---------------------------------------------------------------------------------------------
// Logic

const hiddenField = checkedText(
  (text) => hiddenFieldPattern.test(text),
  (text) => `'${text}' is not a hidden field name: use letters, digits and underscores, starting with a letter, like 'order' or 'agent_id'`,
);

const structuredCondition = z.union([
  z.strictObject({ question: slug, op: z.enum(conditionOps), value: z.union([z.number(), z.boolean(), z.string(), z.array(z.string())]).optional() }),
  z.strictObject({ hidden: hiddenField, op: z.enum(conditionOps), value: z.union([z.number(), z.string()]).optional() }),
]);

const answerCondition = z.unknown().transform((input, context): AnswerCondition => {
  if (typeof input === 'string') {
    const parsed = parseAnswerCondition(input);
    if (parsed) return parsed;
    context.addIssue({ code: 'custom', message: `'${input}' is not a condition: ${conditionNotationHelp}` });
    return z.NEVER;
  }
  const structured = structuredCondition.safeParse(input);
  if (structured.success) return structured.data;
  context.addIssue({ code: 'custom', message: `must be a condition written as text, like 'satisfaction <= 3': ${conditionNotationHelp}` });
  return z.NEVER;
});

const jumpTarget = z.union([z.literal('end').transform((): JumpTarget => ({ end: true })), slug, z.strictObject({ end: z.literal(true) })], {
  error: "must be a question id or 'end'",
});

const jumpRule = z.strictObject({ when: answerCondition, goTo: jumpTarget });

// ---------------------------------------------------------------------------------------------
// Questions

const questionCommon = {
  id: slug.refine((id) => id !== 'end', "'end' names the closing in jumps: give the question another id"),
  text: wording,
  spoken: wording.optional(),
  required: z.boolean().default(true),
  maxReasks: wholeNumber(0).max(5).default(2),
  probe: wording.optional(),
  askWhen: answerCondition.optional(),
  next: z.array(jumpRule).optional(),
};

const choice = z.strictObject({
  id: slug,
  label: wording,
  synonyms: z.record(languageTag, z.array(nonEmptyText)).optional(),
});
const choices = z.array(choice).min(2, 'needs at least two choices to choose from');

const question = z.discriminatedUnion('type', [
  z.strictObject({ ...questionCommon, type: z.literal('nps') }),
  z.strictObject({
    ...questionCommon,
    type: z.literal('rating'),
    scale: z
      .strictObject({ min: z.int().default(1), max: z.int().default(5), labels: z.record(z.int(), wording).default({}) })
      .prefault({}),
  }),
  z.strictObject({ ...questionCommon, type: z.literal('yes-no'), negativeAnswer: z.boolean().optional() }),
  z.strictObject({ ...questionCommon, type: z.literal('single-choice'), choices }),
  z.strictObject({ ...questionCommon, type: z.literal('multiple-choice'), choices, maxChoices: wholeNumber(1).optional() }),
  z.strictObject({
    ...questionCommon,
    type: z.literal('number'),
    range: z.strictObject({ min: z.number(), max: z.number(), integer: z.boolean().default(true) }),
    unit: wording.optional(),
  }),
  z.strictObject({
    ...questionCommon,
    type: z.literal('date'),
    range: z.strictObject({ earliest: calendarDate.optional(), latest: calendarDate.optional() }).optional(),
  }),
  z.strictObject({ ...questionCommon, type: z.literal('free-text') }),
]);

/**
 * One survey document. Its version is assigned by the survey store, not written here. A minimal
 * document needs kind, id, name, defaultTimeZone, helpText, cadence.steps, introduction, closing
 * and questions.
 */
export const surveySchema = z.strictObject({
  kind: z.literal('survey'),
  id: slug,
  name: nonEmptyText,
  /** Whose law the survey runs under; calls with an AI voice without consent need one other than 'US'. */
  jurisdiction: jurisdiction.default('US'),
  ...policy,
  cadence: cadenceSchema(cadenceStep),
  templates: z.record(slug, template).default({}),
  /** Import columns the wording ({{hidden.order}}) and the logic (hidden.order == 'web') may use. */
  hiddenFields: distinct(hiddenField, 'hidden field').default([]),
  /** Asks for consent before the first question: "may I take one minute of your time?" */
  introduction: wording,
  closing: wording,
  /** A conversation by text that falls silent gets one reminder of its question after this long. */
  reminderAfter: duration.default('PT4H'),
  /** A rating at or below this makes the respondent a detractor (NPS has its own: 0 to 6). */
  detractorThreshold: z.number().optional(),
  questions: z.array(question).min(1),
  /** Script experiments: arms that word the introduction, a template or the call hours differently. */
  experiments: surveyExperimentsSchema,
});

export type Survey = z.output<typeof surveySchema>;
export type SurveyInput = z.input<typeof surveySchema>;
export type SurveyDocumentQuestion = Survey['questions'][number];
