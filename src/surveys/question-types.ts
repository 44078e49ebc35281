/**
 * The questions of a survey and the answers they take, as plain types: the survey document's
 * schema (survey-schema.ts) produces them, and answer parsing, the respondent workflow and the
 * results read them. No zod here, so the workflow bundle can import it.
 */

export const questionTypes = ['nps', 'rating', 'yes-no', 'single-choice', 'multiple-choice', 'number', 'date', 'free-text'] as const;
export type QuestionType = (typeof questionTypes)[number];

/** Wording per language tag ('en', 'zh-CN'): every language the survey declares has one. */
export type Wording = Readonly<Record<string, string>>;

export interface Choice {
  id: string;
  label: Wording;
  /** Other words a respondent may use for it, per language ("mobile app" for "app"). */
  synonyms?: Readonly<Record<string, readonly string[]>>;
}

interface QuestionCommon {
  id: string;
  /** The question as written (SMS, transcripts). */
  text: Wording;
  /** A shorter form for the voice, which cannot be re-read; the text when absent. */
  spoken?: Wording;
  required: boolean;
  /** How many times an answer that could not be taken (not understood, out of range) is asked again. */
  maxReasks: number;
  /** Asked once after a negative answer: "Could you tell me what happened?" */
  probe?: Wording;
  /** Asked only when this holds on earlier answers or hidden fields; absent: always. */
  askWhen?: AnswerCondition;
  /** Where to go after this question: the first rule that holds wins; none: the next question. */
  next?: readonly JumpRule[];
}

export type SurveyQuestion =
  | (QuestionCommon & { type: 'nps' })
  | (QuestionCommon & { type: 'rating'; scale: RatingScale })
  | (QuestionCommon & {
      type: 'yes-no';
      /**
       * The answer that is bad news, for the probe and the follow-up: false (no) unless the
       * question asks whether something went wrong ("Did you have to call more than once?").
       */
      negativeAnswer?: boolean;
    })
  | (QuestionCommon & { type: 'single-choice'; choices: readonly Choice[] })
  | (QuestionCommon & { type: 'multiple-choice'; choices: readonly Choice[]; maxChoices?: number })
  | (QuestionCommon & { type: 'number'; range: NumberRange; unit?: Wording })
  | (QuestionCommon & { type: 'date'; range?: DateRange })
  | (QuestionCommon & { type: 'free-text' });

export interface RatingScale {
  min: number;
  max: number;
  /** Words for some or all points of the scale, per language: { 1: { en: 'very dissatisfied' }, 5: {...} }. */
  labels: Readonly<Record<number, Wording>>;
}

export interface NumberRange {
  min: number;
  max: number;
  /** Whole numbers only (ages, counts); false allows decimals (hours, amounts). */
  integer: boolean;
}

/** Calendar dates (YYYY-MM-DD), both ends inclusive. */
export interface DateRange {
  earliest?: string;
  latest?: string;
}

/** Where a survey goes: a question's id, or the closing. */
export type JumpTarget = string | { end: true };

export interface JumpRule {
  when: AnswerCondition;
  goTo: JumpTarget;
}

export const conditionOps = ['==', '!=', '<', '<=', '>', '>=', 'includes', 'excludes', 'answered', 'unanswered'] as const;
export type ConditionOp = (typeof conditionOps)[number];

/**
 * A test on an earlier answer (`question`) or on a hidden field from the import (`hidden`).
 * `answered`/`unanswered` take no value; `includes`/`excludes` test a multiple choice.
 */
export type AnswerCondition =
  | { question: string; op: ConditionOp; value?: AnswerValue }
  | { hidden: string; op: ConditionOp; value?: string | number };

/**
 * A taken answer: a number (nps, rating, number), a boolean (yes-no), a choice id
 * (single-choice), choice ids (multiple-choice), a date 'YYYY-MM-DD', or free text (redacted).
 */
export type AnswerValue = number | boolean | string | readonly string[];

/** What a reply or utterance said about one question. */
export type ParsedAnswer =
  /** Clear enough to take without asking back. */
  | { kind: 'answer'; value: AnswerValue; confidence: number }
  /** Two or more readings ("seven or eight"), a hedge, or a reading too unsure: confirm, never guess. */
  | { kind: 'ambiguous'; candidates: readonly AnswerValue[]; confidence: number }
  /** A number outside the scale or range ("eleven" on 0-10): ask again. */
  | { kind: 'out-of-range'; said: number }
  | { kind: 'dont-know' }
  | { kind: 'refused' }
  | { kind: 'not-understood' };
