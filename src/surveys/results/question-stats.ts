import { NPS_DETRACTOR_MAX } from '../negative-answers';
import type { AnswerValue, SurveyQuestion, Wording } from '../question-types';
import type { RespondentAnswer } from './respondent-record';

// The figures of one question, from the final answers to it (one per respondent). Declines carry
// no value and count only towards the time taken.

/** NPS promoters score 9 or 10: the metric's own definition. */
const NPS_PROMOTER_MIN = 9;

export interface Bar {
  /** The scale point, choice id, or 'yes'/'no'. */
  key: string;
  label: string;
  count: number;
}

export interface TextEntry {
  respondentId: string;
  /** Redacted as stored. */
  text: string;
  answeredAt: number;
}

export type QuestionStats =
  | { type: 'nps'; promoters: number; passives: number; detractors: number; score: number | null; bars: Bar[] }
  | { type: 'rating'; mean: number | null; bars: Bar[] }
  | { type: 'yes-no'; bars: Bar[] }
  | { type: 'single-choice' | 'multiple-choice'; bars: Bar[] }
  | { type: 'number'; mean: number | null; median: number | null; min: number | null; max: number | null }
  | { type: 'date'; byDate: { date: string; count: number }[] }
  | { type: 'free-text'; entries: TextEntry[] };

export interface AnswerOf {
  respondentId: string;
  answer: RespondentAnswer;
}

export function questionStats(question: SurveyQuestion, given: readonly AnswerOf[], language: string): QuestionStats {
  const values = given.flatMap(({ answer }) => (answer.value === null ? [] : [answer.value]));
  const numbers = values.filter((value): value is number => typeof value === 'number');
  switch (question.type) {
    case 'nps':
      return npsStats(numbers);
    case 'rating': {
      const points = range(question.scale.min, question.scale.max);
      const bars = points.map((point) => bar(String(point), labelIn(question.scale.labels[point], language) ?? String(point), numbers, (n) => n === point));
      return { type: 'rating', mean: mean(numbers), bars };
    }
    case 'yes-no':
      return { type: 'yes-no', bars: [bar('yes', 'yes', values, (v) => v === true), bar('no', 'no', values, (v) => v === false)] };
    case 'single-choice':
    case 'multiple-choice': {
      const bars = question.choices.map((choice) =>
        bar(choice.id, labelIn(choice.label, language) ?? choice.id, values, (v) => v === choice.id || (Array.isArray(v) && v.includes(choice.id))),
      );
      return { type: question.type, bars };
    }
    case 'number':
      return { type: 'number', mean: mean(numbers), median: median(numbers), min: extreme(numbers, Math.min), max: extreme(numbers, Math.max) };
    case 'date':
      return { type: 'date', byDate: dateCounts(values) };
    case 'free-text':
      return { type: 'free-text', entries: given.flatMap(({ respondentId, answer }) => (typeof answer.value === 'string' ? [{ respondentId, text: answer.value, answeredAt: answer.answeredAt }] : [])) };
  }
}

function npsStats(scores: readonly number[]): QuestionStats {
  const promoters = scores.filter((score) => score >= NPS_PROMOTER_MIN).length;
  const detractors = scores.filter((score) => score <= NPS_DETRACTOR_MAX).length;
  const score = scores.length === 0 ? null : ((promoters - detractors) / scores.length) * 100;
  const bars = range(0, 10).map((point) => bar(String(point), String(point), scores, (n) => n === point));
  return { type: 'nps', promoters, passives: scores.length - promoters - detractors, detractors, score, bars };
}

function bar<T extends AnswerValue>(key: string, label: string, values: readonly T[], counts: (value: T) => boolean): Bar {
  return { key, label, count: values.filter(counts).length };
}

/** The label in the results' language, or in any language the survey has it in. */
function labelIn(wording: Wording | undefined, language: string): string | undefined {
  return wording ? (wording[language] ?? Object.values(wording)[0]) : undefined;
}

function dateCounts(values: readonly AnswerValue[]): { date: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const value of values) if (typeof value === 'string') counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([date, count]) => ({ date, count }));
}

function range(min: number, max: number): number[] {
  return Array.from({ length: Math.max(0, max - min + 1) }, (_, offset) => min + offset);
}

export function mean(numbers: readonly number[]): number | null {
  return numbers.length === 0 ? null : numbers.reduce((sum, n) => sum + n, 0) / numbers.length;
}

export function median(numbers: readonly number[]): number | null {
  if (numbers.length === 0) return null;
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function extreme(numbers: readonly number[], pick: (...values: number[]) => number): number | null {
  return numbers.length === 0 ? null : numbers.reduce((best, n) => pick(best, n));
}
