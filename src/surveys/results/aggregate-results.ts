import type { SurveyQuestion } from '../question-types';
import type { Survey } from '../survey-schema';
import { median, questionStats, type AnswerOf, type QuestionStats, type TextEntry } from './question-stats';
import { respondentPath, type RespondentPath } from './respondent-path';
import type { RespondentAnswer, RespondentRecord } from './respondent-record';

// A survey's results: per version and for all versions together, overall and by a group.
// respondent-path.ts defines started, reached, finished and which answer wins.
//
// Rates are fractions (0.5 is half) and null when nothing is under them:
// - response rate = started ÷ invited; every respondent passed in was invited;
// - completion rate = finished ÷ started;
// - drop-off at a question = respondents who reached it but not the next (or the closing) ÷
//   those who reached it. A respondent still in the middle counts as dropped where they are: the
//   figures are a snapshot.
//
// By channel, a respondent who started by text and finished by voice is not split:
// - invitations count in every channel the respondent was contacted on (so the groups overlap):
//   a channel's response rate tells how many of those it reached started there;
// - started, finished, reached and drop-off count in the channel the respondent started on;
// - each answer's figures (scores, choices, times, free text) count in the channel it was given on.
// By language or hidden field, each respondent is in one group; a missing hidden field is '(none)'.

export type GroupBy = 'channel' | 'language' | { hidden: string };

export interface ResultsOptions {
  by?: GroupBy;
}

export interface QuestionResults {
  id: string;
  type: SurveyQuestion['type'];
  /** The question's text in the survey's first language. */
  text: string;
  reached: number;
  droppedOff: number;
  dropOffRate: number | null;
  /** Final answers counted here, declines included. */
  answered: number;
  medianMs: number | null;
  stats: QuestionStats;
  /** Replies to the question's probe. */
  probes: TextEntry[];
}

export interface GroupResults {
  invited: number;
  started: number;
  finished: number;
  responseRate: number | null;
  completionRate: number | null;
  questions: QuestionResults[];
}

export interface ResultsView {
  overall: GroupResults;
  /** What the groups are by ('channel', 'language', 'hidden.agent'); absent without grouping. */
  by?: string;
  groups: { key: string; results: GroupResults }[];
}

export interface SurveyResults {
  surveyId: string;
  name: string;
  all: ResultsView;
  versions: ({ version: number } & ResultsView)[];
}

interface Seen {
  respondent: RespondentRecord;
  path: RespondentPath;
}

/** Where a respondent and their answers count in one grouping (see the header). */
interface Grouping {
  name?: string;
  invitedIn(seen: Seen): string[];
  startedIn(seen: Seen): string | undefined;
  answerIn(seen: Seen, answer: RespondentAnswer): string;
}

export function aggregateResults(survey: Survey, respondents: readonly RespondentRecord[], options: ResultsOptions = {}): SurveyResults {
  const stranger = respondents.find((respondent) => respondent.surveyId !== survey.id);
  if (stranger) throw new Error(`respondent ${stranger.respondentId} answered survey '${stranger.surveyId}', not '${survey.id}'`);
  const seen = respondents.map((respondent) => ({ respondent, path: respondentPath(survey.questions, respondent) }));
  const versions = [...new Set(respondents.map((respondent) => respondent.surveyVersion))].sort((a, b) => a - b);
  const view = (some: readonly Seen[]) => resultsView(survey, some, options.by);
  return {
    surveyId: survey.id,
    name: survey.name,
    all: view(seen),
    versions: versions.map((version) => ({ version, ...view(seen.filter(({ respondent }) => respondent.surveyVersion === version)) })),
  };
}

function resultsView(survey: Survey, seen: readonly Seen[], by: GroupBy | undefined): ResultsView {
  const overall = groupResults(survey, seen, 'all', everyone);
  if (!by) return { overall, groups: [] };
  const grouping = groupingBy(by);
  const keys = new Set(
    seen.flatMap((one) => [...grouping.invitedIn(one), grouping.startedIn(one) ?? [], ...[...one.path.answers.values()].map((answer) => grouping.answerIn(one, answer))].flat()),
  );
  const groups = [...keys].sort().map((key) => ({ key, results: groupResults(survey, seen, key, grouping) }));
  return { overall, by: grouping.name, groups };
}

const everyone: Grouping = { invitedIn: () => ['all'], startedIn: () => 'all', answerIn: () => 'all' };

function groupingBy(by: GroupBy): Grouping {
  if (by === 'channel') {
    return {
      name: 'channel',
      invitedIn: ({ respondent }) => [...new Set([...respondent.sessions, ...respondent.answers].map((contact) => contact.channel))],
      startedIn: ({ path }) => path.startChannel,
      answerIn: (_, answer) => answer.channel,
    };
  }
  const name = by === 'language' ? 'language' : `hidden.${by.hidden}`;
  const keyOf = ({ respondent }: Seen) => (by === 'language' ? respondent.language : (respondent.hidden[by.hidden] ?? '(none)'));
  return { name, invitedIn: (one) => [keyOf(one)], startedIn: keyOf, answerIn: keyOf };
}

function groupResults(survey: Survey, seen: readonly Seen[], key: string, grouping: Grouping): GroupResults {
  const starters = seen.filter((one) => one.path.started && grouping.startedIn(one) === key);
  const invited = seen.filter((one) => grouping.invitedIn(one).includes(key)).length;
  const finished = starters.filter((one) => one.path.finished).length;
  const language = survey.languages[0];
  const questions = survey.questions.map((question) => {
    const given: AnswerOf[] = seen.flatMap((one) => {
      const answer = one.path.answers.get(question.id);
      return answer && grouping.answerIn(one, answer) === key ? [{ respondentId: one.respondent.respondentId, answer }] : [];
    });
    const reached = starters.filter((one) => one.path.reached.includes(question.id)).length;
    const droppedOff = starters.filter((one) => one.path.stoppedAt === question.id).length;
    return {
      id: question.id,
      type: question.type,
      text: question.text[language] ?? question.id,
      reached,
      droppedOff,
      dropOffRate: rate(droppedOff, reached),
      answered: given.length,
      medianMs: median(given.map(({ answer }) => answer.ms)),
      stats: questionStats(question, given, language),
      probes: given.flatMap(({ respondentId, answer }) => (answer.probe ? [{ respondentId, text: answer.probe.raw, answeredAt: answer.probe.answeredAt }] : [])),
    };
  });
  return { invited, started: starters.length, finished, responseRate: rate(starters.length, invited), completionRate: rate(finished, starters.length), questions };
}

function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
