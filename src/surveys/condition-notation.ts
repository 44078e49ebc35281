import type { AnswerCondition, AnswerValue, ConditionOp } from './question-types';

// The notation a survey document writes its conditions in, read into the AnswerCondition the
// respondent workflow evaluates:
//   satisfaction <= 3            a number answer (nps, rating, number) or a date: == != < <= > >=
//   recommend == yes             a yes-no answer: yes, no, true or false
//   channel == phone             a single choice's id
//   features includes app        a multiple choice: includes, excludes
//   recommend answered           answered, unanswered (skipped or not reached)
//   hidden.channel == 'web'      a hidden field from the import; quote a value to keep it text
// Whether the op fits the question, and the value the answer, is checked against the survey by
// survey-logic.ts, which knows the questions.

/** Question ids are campaign-style slugs; hidden fields are import column names. */
export const hiddenFieldPattern = /^[A-Za-z][A-Za-z0-9_]*$/;

const subject = '(hidden\\.[A-Za-z][A-Za-z0-9_]*|[a-z0-9]+(?:-[a-z0-9]+)*)';
const value = `('[^']*'|"[^"]*"|[^\\s'"]+)`;
const presencePattern = new RegExp(`^\\s*${subject}\\s+(answered|unanswered)\\s*$`);
const membershipPattern = new RegExp(`^\\s*${subject}\\s+(includes|excludes)\\s+${value}\\s*$`);
const comparisonPattern = new RegExp(`^\\s*${subject}\\s*(==|!=|<=|>=|<|>)\\s*${value}\\s*$`);

export const conditionNotationHelp =
  "write '<question> <op> <value>' with an op among == != < <= > >=, '<question> includes <choice>' or " +
  "'<question> excludes <choice>', '<question> answered' or '<question> unanswered'; " +
  "for a hidden field write 'hidden.<name> == <value>'";

/** One condition of the notation above; null when the text is not one. */
export function parseAnswerCondition(text: string): AnswerCondition | null {
  const presence = presencePattern.exec(text);
  if (presence) return condition(presence[1], presence[2] as ConditionOp, undefined);
  const match = membershipPattern.exec(text) ?? comparisonPattern.exec(text);
  if (!match) return null;
  return condition(match[1], match[2] as ConditionOp, match[3]);
}

function condition(on: string, op: ConditionOp, written: string | undefined): AnswerCondition {
  if (on.startsWith('hidden.')) {
    const hiddenValue = written === undefined ? undefined : readValue(written, false);
    return { hidden: on.slice('hidden.'.length), op, ...(hiddenValue === undefined ? {} : { value: hiddenValue as string | number }) };
  }
  return { question: on, op, ...(written === undefined ? {} : { value: readValue(written, true) }) };
}

const yesNo: Record<string, boolean> = { yes: true, true: true, no: false, false: false };

/** A number, a quoted text, yes/no for an answer (hidden fields are import text, never booleans), else the word. */
function readValue(written: string, answer: boolean): AnswerValue {
  if (/^-?\d+(?:\.\d+)?$/.test(written)) return Number(written);
  if (/^(['"]).*\1$/.test(written)) return written.slice(1, -1);
  if (answer && Object.hasOwn(yesNo, written.toLowerCase())) return yesNo[written.toLowerCase()];
  return written;
}
