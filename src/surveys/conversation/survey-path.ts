import type { AnswerCondition, AnswerValue, SurveyQuestion } from '../question-types';
import { holds } from '../results/respondent-path';

// The survey's logic on one respondent's answers: which question comes next. A question is asked
// only when its askWhen holds; after a settled question its `next` rules are tried in order (the
// first that holds wins, 'end' goes to the closing), else the following question comes. The same
// walk from the first question serves a resumed contact, so a respondent who answered half the
// survey on one call is led down the same path on the next.

export interface PathFacts {
  answers: Readonly<Record<string, AnswerValue>>;
  hidden: Readonly<Record<string, string | number>>;
  settled: readonly string[];
}

/** The results read a respondent's path with the same test of a condition, so both agree on who is asked what. */
function holdsFor(condition: AnswerCondition, facts: PathFacts): boolean {
  const hidden = Object.fromEntries(Object.entries(facts.hidden).map(([field, value]) => [field, String(value)]));
  return holds(condition, new Map(Object.entries(facts.answers)), hidden);
}

/** Where the survey goes after the question at `index`: an index, or the end (questions.length). */
function after(questions: readonly SurveyQuestion[], index: number, facts: PathFacts): number {
  const rule = questions[index].next?.find((candidate) => holdsFor(candidate.when, facts));
  if (!rule) return index + 1;
  if (typeof rule.goTo !== 'string') return questions.length;
  const target = questions.findIndex((question) => question.id === rule.goTo);
  // Validation allows only forward jumps to existing questions; anything else falls through.
  return target > index ? target : index + 1;
}

/** The question to ask next, walking from the first; undefined when the survey is done. */
export function nextQuestion(questions: readonly SurveyQuestion[], facts: PathFacts): SurveyQuestion | undefined {
  let index = 0;
  while (index < questions.length) {
    const question = questions[index];
    if (question.askWhen && !holdsFor(question.askWhen, facts)) index += 1;
    else if (facts.settled.includes(question.id)) index = after(questions, index, facts);
    else return question;
  }
  return undefined;
}

/** Questions still ahead of `question` on any path: the only ones an early answer may be for. */
export function laterQuestions(questions: readonly SurveyQuestion[], question: SurveyQuestion, facts: PathFacts): SurveyQuestion[] {
  const index = questions.findIndex((candidate) => candidate.id === question.id);
  return questions.slice(index + 1).filter((candidate) => !facts.settled.includes(candidate.id));
}
