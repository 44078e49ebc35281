import type { AnswerValue } from '../question-types';
import type { Survey } from '../survey-schema';
import { respondentPath } from './respondent-path';
import type { RespondentAnswer, RespondentRecord } from './respondent-record';

// The answers as files a research team opens elsewhere: CSV with one row per respondent and
// question, NDJSON with one object per respondent. Both hold the answers the results count (the
// final answer to each question on the respondent's path, see respondent-path.ts), with times in
// ISO 8601 UTC.

const answerColumns = ['question', 'value', 'raw', 'confidence', 'confirmed', 'ms', 'reasks', 'answeredAt', 'probe'] as const;

export function toCsv(survey: Survey, respondents: readonly RespondentRecord[]): string {
  const header = ['respondent', 'version', 'channel', 'language', ...survey.hiddenFields.map((field) => `hidden.${field}`), ...answerColumns];
  const rows = respondents.flatMap((respondent) =>
    answersInOrder(survey, respondentPath(survey.questions, respondent).answers).map((answer) => [
      respondent.respondentId,
      String(respondent.surveyVersion),
      answer.channel,
      respondent.language,
      ...survey.hiddenFields.map((field) => respondent.hidden[field] ?? ''),
      answer.questionId,
      csvValue(answer.value),
      answer.raw,
      String(answer.confidence),
      String(answer.confirmed),
      String(answer.ms),
      String(answer.reasks),
      iso(answer.answeredAt),
      answer.probe?.raw ?? '',
    ]),
  );
  return [header, ...rows].map((row) => row.map(csvField).join(',') + '\r\n').join('');
}

export function toNdjson(survey: Survey, respondents: readonly RespondentRecord[]): string {
  return respondents
    .map((respondent) => {
      const path = respondentPath(survey.questions, respondent);
      const line = {
        respondentId: respondent.respondentId,
        surveyId: respondent.surveyId,
        surveyVersion: respondent.surveyVersion,
        language: respondent.language,
        hidden: respondent.hidden,
        invitedAt: iso(respondent.invitedAt),
        consentedAt: respondent.consentedAt === undefined ? null : iso(respondent.consentedAt),
        startChannel: path.startChannel ?? null,
        started: path.started,
        finished: path.finished,
        stoppedAt: path.stoppedAt ?? null,
        answers: answersInOrder(survey, path.answers).map((answer) => ({
          ...answer,
          answeredAt: iso(answer.answeredAt),
          ...(answer.probe ? { probe: { ...answer.probe, answeredAt: iso(answer.probe.answeredAt) } } : {}),
        })),
      };
      return `${JSON.stringify(line)}\n`;
    })
    .join('');
}

function answersInOrder(survey: Survey, answers: ReadonlyMap<string, RespondentAnswer>): RespondentAnswer[] {
  return survey.questions.flatMap((question) => answers.get(question.id) ?? []);
}

/** A multiple choice as its ids joined by ';' (commas would read as more columns to a careless reader). */
function csvValue(value: AnswerValue | null): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return Array.isArray(value) ? value.join(';') : String(value);
}

/** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
function csvField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
