import { z } from 'zod';
import { redactSensitive } from '../policy/redaction';
import type { AnswerValue, ParsedAnswer, SurveyQuestion } from './question-types';

// The LLM's reading of one answer to one survey question: the prompt, the structured output it must
// give (a strict JSON schema), and the check of what it gave against the question. A reading that
// fails the check is not used: the rules read the answer instead. Only the activity and the
// adapter import this (zod stays out of the workflow bundle).

export const readingKinds = ['answer', 'ambiguous', 'dont-know', 'refused', 'not-understood'] as const;

/** Below this the LLM's own confidence in an answer makes it a reading to confirm, never a guess. */
export const minLlmAnswerConfidence = 0.75;

const scalar = z.union([z.string(), z.number(), z.boolean()]);
const readingSchema = z.strictObject({
  kind: z.enum(readingKinds),
  /** The answer's value (several for a multiple choice), or the candidates of an ambiguous answer. */
  values: z.array(scalar),
  confidence: z.number().min(0).max(1),
});

export const answerReadingJsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'values', 'confidence'],
  properties: {
    kind: { type: 'string', enum: [...readingKinds] },
    values: { type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] } },
    confidence: { type: 'number' },
  },
} as const;

export interface ReadingMessage {
  role: 'system' | 'user';
  content: string;
}

/** What the model is told: the question, what a value of its type is, and the words (redacted). */
export function answerReadingMessages(question: SurveyQuestion, language: string, utterance: string): ReadingMessage[] {
  const asked = question.text[language] ?? Object.values(question.text)[0] ?? question.id;
  return [
    {
      role: 'system',
      content: [
        'You read one answer to one survey question, said on the phone or texted, in English or Chinese.',
        `Question (${language}): "${asked}"`,
        `Answer type: ${valueRule(question, language)}`,
        'kind: answer (one clear reading; values holds it), ambiguous (two or more readings, or a hedge: values holds the candidates),',
        'dont-know, refused, or not-understood (values empty). Never guess: a hedge is ambiguous. confidence is yours, 0 to 1.',
        'Answer with the JSON object of the schema only.',
      ].join('\n'),
    },
    { role: 'user', content: redactSensitive(utterance) },
  ];
}

function valueRule(question: SurveyQuestion, language: string): string {
  const label = (wording: Readonly<Record<string, string>>) => wording[language] ?? Object.values(wording)[0] ?? '';
  switch (question.type) {
    case 'nps':
      return 'an integer from 0 to 10';
    case 'rating':
      return `an integer from ${question.scale.min} to ${question.scale.max}; ${Object.entries(question.scale.labels).map(([point, words]) => `${point} = ${label(words)}`).join(', ')}`;
    case 'yes-no':
      return 'true (yes) or false (no)';
    case 'single-choice':
    case 'multiple-choice':
      return `${question.type === 'single-choice' ? 'one' : 'one or more'} of these ids: ${question.choices.map((choice) => `${choice.id} (${label(choice.label)})`).join(', ')}`;
    case 'number':
      return `a number from ${question.range.min} to ${question.range.max}${question.range.integer ? ', whole' : ''}`;
    case 'date':
      return 'a date as YYYY-MM-DD';
    case 'free-text':
      return 'the answer in the respondent’s own words, as one string';
  }
}

/**
 * The reading, if the model gave one this question can take: every value of the question's type and
 * range, an answer the model is unsure of made a reading to confirm. Dont-know and refusals are
 * taken as said; not-understood is left to the rules, which may read more.
 */
export function checkReading(question: SurveyQuestion, candidate: unknown): { reading?: ParsedAnswer; violations: string[] } {
  const parsed = readingSchema.safeParse(candidate);
  if (!parsed.success) return { violations: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(reading)'}: ${issue.message}`) };
  const { kind, values, confidence } = parsed.data;
  if (kind === 'dont-know' || kind === 'refused') return { reading: { kind }, violations: [] };
  if (kind === 'not-understood') return { violations: [] };
  const wrong = values.filter((value) => !fits(question, value));
  if (wrong.length > 0 || values.length === 0) return { violations: [`values ${JSON.stringify(values)} do not answer a ${question.type} question`] };
  const value: AnswerValue = question.type === 'multiple-choice' ? (values as string[]) : question.type === 'free-text' ? redactSensitive(String(values[0])) : values[0]!;
  if (kind === 'answer' && values.length > 1 && question.type !== 'multiple-choice') return { violations: ['an answer with several values'] };
  if (kind === 'answer' && confidence >= minLlmAnswerConfidence) return { reading: { kind: 'answer', value, confidence }, violations: [] };
  const candidates = question.type === 'multiple-choice' ? [value] : values;
  return { reading: { kind: 'ambiguous', candidates, confidence }, violations: [] };
}

function fits(question: SurveyQuestion, value: string | number | boolean): boolean {
  switch (question.type) {
    case 'nps':
      return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 10;
    case 'rating':
      return Number.isInteger(value) && (value as number) >= question.scale.min && (value as number) <= question.scale.max;
    case 'yes-no':
      return typeof value === 'boolean';
    case 'single-choice':
    case 'multiple-choice':
      return question.choices.some((choice) => choice.id === value);
    case 'number':
      return typeof value === 'number' && value >= question.range.min && value <= question.range.max && (!question.range.integer || Number.isInteger(value));
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && inRange(value, question.range);
    case 'free-text':
      return typeof value === 'string' && value.trim() !== '';
  }
}

function inRange(date: string, range: { earliest?: string; latest?: string } | undefined): boolean {
  return (!range?.earliest || date >= range.earliest) && (!range?.latest || date <= range.latest);
}
