import type { FieldError } from '../campaigns/document-validation';
import { calendarDate } from '../campaigns/schema-fields';
import type { AnswerCondition, AnswerValue, ConditionOp, QuestionType } from './question-types';
import type { SurveyDocumentQuestion as Question } from './survey-schema';

// Checks of a survey's logic: conditions test only earlier answers and known hidden fields, with an
// op that fits the question, and jumps go to a question that exists, forward, so that no path
// through the survey loops.

const presence: readonly ConditionOp[] = ['answered', 'unanswered'];
const ordered: readonly ConditionOp[] = ['==', '!=', '<', '<=', '>', '>='];
const equality: readonly ConditionOp[] = ['==', '!='];

const opsByType: Record<QuestionType, readonly ConditionOp[]> = {
  nps: ordered,
  rating: ordered,
  number: ordered,
  date: ordered,
  'yes-no': equality,
  'single-choice': equality,
  'multiple-choice': ['includes', 'excludes'],
  'free-text': [],
};

interface Scope {
  questions: readonly Question[];
  /** Index of the last question whose answer the condition may test. */
  lastTestable: number;
  /** The question the condition belongs to. */
  own: number;
  /** Undefined when the section is itself invalid (reported there). */
  hiddenFields: readonly string[] | undefined;
}

export function logicProblems(questions: readonly Question[], hiddenFields: readonly string[] | undefined): FieldError[] {
  return questions.flatMap((question, own) => {
    const path = `questions.${own}`;
    const askWhen = question.askWhen
      ? conditionProblems(`${path}.askWhen`, question.askWhen, { questions, lastTestable: own - 1, own, hiddenFields })
      : [];
    const rules = (question.next ?? []).flatMap((rule, index) => [
      ...conditionProblems(`${path}.next.${index}.when`, rule.when, { questions, lastTestable: own, own, hiddenFields }),
      ...(typeof rule.goTo === 'string' ? jumpProblems(`${path}.next.${index}.goTo`, rule.goTo, questions, own) : []),
    ]);
    return [...askWhen, ...rules];
  });
}

function conditionProblems(path: string, condition: AnswerCondition, scope: Scope): FieldError[] {
  if ('hidden' in condition) return hiddenConditionProblems(path, condition, scope.hiddenFields);
  const { questions, lastTestable, own } = scope;
  const index = questions.findIndex((question) => question.id === condition.question);
  if (index < 0) return [{ path, message: `refers to '${condition.question}', which is not a question of this survey` }];
  if (index === own && index > lastTestable) {
    return [{ path, message: `refers to this question itself: askWhen can only test answers given before the question is asked` }];
  }
  if (index > lastTestable) {
    return [{ path, message: `refers to '${condition.question}', which is asked later (question ${index + 1}): a condition can only test earlier answers` }];
  }
  const problem = opProblem(questions[index], condition.op, condition.value) ?? valueProblem(questions[index], condition.op, condition.value);
  return problem ? [{ path, message: problem }] : [];
}

function opProblem(question: Question, op: ConditionOp, value: AnswerValue | undefined): string | undefined {
  if (presence.includes(op)) return value === undefined ? undefined : `'${op}' takes no value`;
  const fitting = [...opsByType[question.type], ...presence];
  if (!fitting.includes(op)) return `'${op}' does not fit '${question.id}', a ${question.type} question: use ${fitting.join(' ')}`;
  return value === undefined ? `'${op}' needs a value to compare '${question.id}' with` : undefined;
}

/** Why `value` cannot be an answer to `question`; undefined when it can (or takes no value). */
function valueProblem(question: Question, op: ConditionOp, value: AnswerValue | undefined): string | undefined {
  if (value === undefined || presence.includes(op)) return undefined;
  const shown = typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
  const range = numberRange(question);
  if (range) {
    if (typeof value !== 'number') return `compares '${question.id}', a number answer, with ${shown}`;
    // An inverted range is reported on the question itself.
    const outside = range.min <= range.max && (value < range.min || value > range.max);
    return outside ? `compares '${question.id}' with ${value}, outside its range ${range.min} to ${range.max}` : undefined;
  }
  switch (question.type) {
    case 'yes-no':
      return typeof value === 'boolean' ? undefined : `compares '${question.id}', a yes-no answer, with ${shown}: use yes or no`;
    case 'date':
      return calendarDate.safeParse(value).success ? undefined : `compares '${question.id}', a date, with ${shown}: write YYYY-MM-DD`;
    case 'single-choice':
    case 'multiple-choice': {
      const ids = question.choices.map((choice) => choice.id);
      return typeof value === 'string' && ids.includes(value) ? undefined : `${shown} is not a choice of '${question.id}' (${ids.join(', ')})`;
    }
    default:
      return undefined;
  }
}

function numberRange(question: Question): { min: number; max: number } | undefined {
  if (question.type === 'nps') return { min: 0, max: 10 };
  if (question.type === 'rating') return question.scale;
  if (question.type === 'number') return question.range;
  return undefined;
}

function hiddenConditionProblems(
  path: string,
  { hidden, op, value }: { hidden: string; op: ConditionOp; value?: string | number },
  hiddenFields: readonly string[] | undefined,
): FieldError[] {
  if (hiddenFields && !hiddenFields.includes(hidden)) {
    const declared = hiddenFields.length > 0 ? hiddenFields.join(', ') : 'none are declared';
    return [{ path, message: `refers to hidden field '${hidden}', which is not in hiddenFields (${declared})` }];
  }
  if (!ordered.includes(op)) return [{ path, message: `'${op}' does not fit a hidden field, a value from the import: use ${ordered.join(' ')}` }];
  if (value === undefined) return [{ path, message: `'${op}' needs a value to compare hidden.${hidden} with` }];
  if (!equality.includes(op) && typeof value !== 'number') {
    return [{ path, message: `'${op}' compares numbers, but '${value}' is text: use == or != for text` }];
  }
  return [];
}

/**
 * A jump goes to a question that exists and comes later. Every question can fall through to the
 * next one, so a jump back to a question at or before its own is always a way round in a loop.
 */
function jumpProblems(path: string, target: string, questions: readonly Question[], own: number): FieldError[] {
  const index = questions.findIndex((question) => question.id === target);
  if (index < 0) return [{ path, message: `names '${target}', which is not a question of this survey: use a question id or 'end'` }];
  if (index > own) return [];
  const loop = [...questions.slice(index, own + 1).map((question) => question.id), target].join(' → ');
  return [{ path, message: `jumps back to '${target}', which leads here again (${loop}): a survey must not loop, so jump forward or to 'end'` }];
}
