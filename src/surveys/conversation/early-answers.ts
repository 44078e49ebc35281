import { containsPhrase } from '../../dialog/text-normalize';
import { parseAnswer, type ParseOptions } from '../answer-parsing';
import type { AnswerValue, Choice, SurveyQuestion } from '../question-types';
import type { EarlyAnswer } from './conversation-types';

// An answer given early to a later question is kept: "9, and next time I'd use the app" answers
// the channel question too. The rule is conservative, because a wrong early answer is never
// heard back by the respondent:
// - the utterance has more than one clause (split at punctuation, "and", "but", 而且, 还有...), and
//   the clause read for a later question says nothing the current question's parser can read;
// - only choice questions are answered early, and only by their choices' own words (a label or a
//   synonym): a number or an ordinal in the utterance belongs to the question asked, and scale
//   words ("great") are as often about something else ("the app was great") as about the scale;
// - the parser takes the clause as an unambiguous answer, for exactly one later question;
// - the answer waits until its question is reached on the respondent's path, and is taken there
//   without asking (said back as "You mentioned the app already"); a path that never reaches it
//   drops it, so no answer is stored for a question the logic skips.

const CLAUSE_BREAK = /[,;.!?，。；！？]|\b(?:and|but|also|plus)\b|而且|还有|另外|但是|不过|并且/i;

type ChoiceQuestion = Extract<SurveyQuestion, { type: 'single-choice' | 'multiple-choice' }>;

function isChoiceQuestion(question: SurveyQuestion): question is ChoiceQuestion {
  return question.type === 'single-choice' || question.type === 'multiple-choice';
}

function namedByItsWords(clause: string, choice: Choice | undefined): boolean {
  if (!choice) return false;
  const phrases = [...Object.values(choice.label), ...Object.values(choice.synonyms ?? {}).flat()];
  return phrases.some((phrase) => containsPhrase(clause, phrase.replace(/^(?:the|a|an)\s+/i, '')));
}

function chosenIds(value: AnswerValue): readonly string[] {
  return Array.isArray(value) ? (value as readonly string[]) : [String(value)];
}

/** The one later question `clause` answers by its choices' words, with its answer. */
function answeredByClause(clause: string, later: readonly SurveyQuestion[], language: string, options: ParseOptions) {
  const found = later.filter(isChoiceQuestion).flatMap((question) => {
    const parsed = parseAnswer(question, clause, language, options);
    if (parsed.kind !== 'answer') return [];
    const ids = chosenIds(parsed.value);
    const named = ids.length > 0 && ids.every((id) => namedByItsWords(clause, question.choices.find((choice) => choice.id === id)));
    return named ? [{ question, value: parsed.value, confidence: parsed.confidence }] : [];
  });
  return found.length === 1 ? found[0] : undefined;
}

export interface EarlyAnswerSearch {
  current: SurveyQuestion;
  utterance: string;
  /** Redacted, as stored. */
  redacted: string;
  later: readonly SurveyQuestion[];
  language: string;
  options: ParseOptions;
}

export function earlyAnswers({ current, utterance, redacted, later, language, options }: EarlyAnswerSearch): Record<string, EarlyAnswer> {
  if (current.type === 'free-text') return {};
  const clauses = utterance.split(CLAUSE_BREAK).filter((clause) => clause.trim() !== '');
  if (clauses.length < 2) return {};
  const found: Record<string, EarlyAnswer> = {};
  for (const clause of clauses) {
    if (parseAnswer(current, clause, language, options).kind !== 'not-understood') continue;
    const answer = answeredByClause(clause, later, language, options);
    if (answer && !(answer.question.id in found)) found[answer.question.id] = { value: answer.value, confidence: answer.confidence, utterance: redacted };
  }
  return found;
}
