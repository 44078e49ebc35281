import type { AnswerCondition, AnswerValue, SurveyQuestion } from './question-types';

// The survey's logic on one respondent's answers: which question comes next, and the whole path.
// A question is asked only when its askWhen holds; after a settled question its `next` rules are
// tried in order (the first that holds wins, 'end' goes to the closing), else the following
// question comes. The conversation and the results both walk it here, so they agree on who is
// asked what; the same walk from the first question serves a resumed contact.

export interface PathFacts {
  answers: Readonly<Record<string, AnswerValue>>;
  hidden: Readonly<Record<string, string | number>>;
  settled: readonly string[];
}

type ConditionTest = (condition: AnswerCondition) => boolean;

function testOn(facts: PathFacts): ConditionTest {
  const hidden = Object.fromEntries(Object.entries(facts.hidden).map(([field, value]) => [field, String(value)]));
  const answers = new Map(Object.entries(facts.answers));
  return (condition) => holds(condition, answers, hidden);
}

/** Where the survey goes after the question at `index`: an index, or the end (questions.length). */
function after(questions: readonly SurveyQuestion[], index: number, test: ConditionTest): number {
  const rule = questions[index].next?.find((candidate) => test(candidate.when));
  if (!rule) return index + 1;
  if (typeof rule.goTo !== 'string') return questions.length;
  const target = questions.findIndex((question) => question.id === rule.goTo);
  // Validation allows only forward jumps to existing questions; anything else falls through.
  return target > index ? target : index + 1;
}

/** The question to ask next, walking from the first; undefined when the survey is done. */
export function nextQuestion(questions: readonly SurveyQuestion[], facts: PathFacts): SurveyQuestion | undefined {
  const test = testOn(facts);
  let index = 0;
  while (index < questions.length) {
    const question = questions[index];
    if (question.askWhen && !test(question.askWhen)) index += 1;
    else if (facts.settled.includes(question.id)) index = after(questions, index, test);
    else return question;
  }
  return undefined;
}

/** Every question the logic puts before a respondent whose answers `test` reads, in order. */
export function askedPath(questions: readonly SurveyQuestion[], test: ConditionTest): string[] {
  const path: string[] = [];
  let index = 0;
  while (index < questions.length) {
    const question = questions[index];
    if (question.askWhen && !test(question.askWhen)) {
      index += 1;
      continue;
    }
    path.push(question.id);
    index = after(questions, index, test);
  }
  return path;
}

/** Questions still ahead of `question` on any path: the only ones an early answer may be for. */
export function laterQuestions(questions: readonly SurveyQuestion[], question: SurveyQuestion, facts: PathFacts): SurveyQuestion[] {
  const index = questions.findIndex((candidate) => candidate.id === question.id);
  return questions.slice(index + 1).filter((candidate) => !facts.settled.includes(candidate.id));
}

/**
 * Whether a condition holds. Hidden fields are text from the import, so they compare as numbers
 * when the condition's value is one. A missing answer or a decline satisfies only 'unanswered'.
 */
export function holds(condition: AnswerCondition, values: ReadonlyMap<string, AnswerValue | null>, hidden: Readonly<Record<string, string>>): boolean {
  const actual = 'hidden' in condition ? hiddenValue(hidden[condition.hidden], condition.value) : values.get(condition.question);
  if (condition.op === 'answered' || condition.op === 'unanswered') return (actual !== undefined && actual !== null) === (condition.op === 'answered');
  if (actual === undefined || actual === null) return false;
  const expected = condition.value;
  switch (condition.op) {
    case 'includes':
      return Array.isArray(actual) && typeof expected === 'string' && actual.includes(expected);
    case 'excludes':
      return Array.isArray(actual) && typeof expected === 'string' && !actual.includes(expected);
    case '==':
      return same(actual, expected);
    case '!=':
      return !same(actual, expected);
    default:
      return ordered(condition.op, actual, expected);
  }
}

function hiddenValue(text: string | undefined, expected: AnswerValue | undefined): AnswerValue | undefined {
  if (text === undefined || typeof expected !== 'number') return text;
  const number = Number(text);
  return text.trim() !== '' && Number.isFinite(number) ? number : text;
}

function same(actual: AnswerValue, expected: AnswerValue | undefined): boolean {
  if (Array.isArray(actual) && Array.isArray(expected)) return actual.length === expected.length && actual.every((item) => expected.includes(item));
  return actual === expected;
}

function ordered(op: '<' | '<=' | '>' | '>=', actual: AnswerValue, expected: AnswerValue | undefined): boolean {
  // Numbers compare as numbers; dates (YYYY-MM-DD) compare as text in calendar order.
  const comparable = (typeof actual === 'number' && typeof expected === 'number') || (typeof actual === 'string' && typeof expected === 'string');
  if (!comparable) return false;
  const [a, b] = [actual, expected] as [number | string, number | string];
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
  }
}
