import type { SurveyQuestion } from '../question-types';
import { askedPath, holds } from '../survey-path';
import type { ContactSession, RespondentAnswer, RespondentRecord, SurveyChannel } from './respondent-record';

// Where one respondent got to in the survey, read from their answers and the survey's logic.
//
// Definitions (the results' figures rest on them):
// - Of several answers to one question (a re-ask, a second call, a text after a call), the one
//   given last wins; at the same instant a confirmed one beats an unconfirmed one, then the later
//   in the record. Each question counts once per respondent however many times it was answered.
// - The path is the questions the survey's logic puts before this respondent, given their final
//   answers and hidden fields: a question whose askWhen fails, or that a jump passes over, is not
//   on it.
// - Started: agreed to the introduction, or has any answer. Refusing consent is not starting.
// - Reached: a started respondent reached each path question up to the first one without an
//   answer; that one they were asked and left (they dropped off there), or still have before them.
//   An answer given early to a question after it counts in that question's figures but does not
//   make it reached.
// - Finished: started, and every question on the path has an answer (a decline included).

export interface RespondentPath {
  started: boolean;
  finished: boolean;
  /** Question ids on the path, in order. */
  path: readonly string[];
  /** The prefix of the path the respondent was asked. */
  reached: readonly string[];
  /** The question they left at, when started and not finished. */
  stoppedAt?: string;
  /** The final answer per question on the path. */
  answers: ReadonlyMap<string, RespondentAnswer>;
  /** The channel the respondent started on: of their first answer, or of the contact they consented in. */
  startChannel?: SurveyChannel;
}

function finalAnswers(answers: readonly RespondentAnswer[]): Map<string, RespondentAnswer> {
  const final = new Map<string, RespondentAnswer>();
  for (const answer of answers) {
    const held = final.get(answer.questionId);
    if (!held || answer.answeredAt > held.answeredAt || (answer.answeredAt === held.answeredAt && (answer.confirmed || !held.confirmed))) {
      final.set(answer.questionId, answer);
    }
  }
  return final;
}

export function respondentPath(questions: readonly SurveyQuestion[], respondent: RespondentRecord): RespondentPath {
  const all = finalAnswers(respondent.answers);
  const values = new Map([...all].map(([id, answer]) => [id, answer.value]));
  const path = askedPath(questions, (condition) => holds(condition, values, respondent.hidden));
  const started = respondent.consentedAt !== undefined || respondent.answers.length > 0;
  const stop = path.findIndex((id) => !all.has(id));
  const stoppedAt = started && stop >= 0 ? path[stop] : undefined;
  const reached = !started ? [] : stop < 0 ? path : path.slice(0, stop + 1);
  const answers = new Map([...all].filter(([id]) => path.includes(id)));
  return { started, finished: started && stop < 0, path, reached, stoppedAt, answers, startChannel: startChannel(respondent) };
}

function startChannel(respondent: RespondentRecord): SurveyChannel | undefined {
  const first = respondent.answers.reduce<RespondentAnswer | undefined>((earliest, answer) => (!earliest || answer.answeredAt < earliest.answeredAt ? answer : earliest), undefined);
  const consent = respondent.consentedAt;
  if (consent === undefined || (first && first.answeredAt <= consent)) return first?.channel;
  const before = respondent.sessions.filter((session) => session.startedAt <= consent);
  const session = before.reduce<ContactSession | undefined>((latest, candidate) => (!latest || candidate.startedAt >= latest.startedAt ? candidate : latest), undefined);
  return session?.channel ?? first?.channel;
}
