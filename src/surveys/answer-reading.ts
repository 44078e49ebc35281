import type { AnswerValue } from './question-types';

/**
 * What one question's reader found in an answer, before the hedge rule (answer-parsing.ts) decides
 * whether it is taken, confirmed or asked again.
 */
export interface Reading {
  /** Every value the words could stand for: one is an answer, more must be confirmed. */
  candidates: readonly AnswerValue[];
  /** A number said outside the scale, range or list, when nothing in it was given. */
  outOfRange?: number;
  /** The words point at an answer without giving one ("sort of", "十几分钟", "last week"). */
  vague?: boolean;
  /** Read through a speech recogniser's sound-alike ("ate" for eight). */
  soundAlike?: boolean;
}

/** Candidates in the order said, each once (arrays compared by their sorted ids). */
export function distinctValues(values: readonly AnswerValue[]): AnswerValue[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = Array.isArray(value) ? [...(value as readonly string[])].sort().join('\u0000') : String(value);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
