import { AppError } from '../errors/app-error';
import type { RespondentRecordDoc, StoredSurveyAnswer } from '../adapters/mongo/repositories';
import type { AnswerValue } from '../surveys/question-types';
import { aggregateResults, type GroupBy, type GroupResults, type ResultsView, type SurveyResults } from '../surveys/results/aggregate-results';
import { toCsv, toNdjson } from '../surveys/results/export-rows';
import type { ContactSession, RespondentAnswer, RespondentRecord, SurveyChannel } from '../surveys/results/respondent-record';
import type { Survey } from '../surveys/survey-schema';
import { getSurvey } from './surveys';
import type { UseCaseDeps } from './use-case-deps';

// A survey's results, responses and exports, read from the respondent store (the mirror each
// respondent workflow keeps of itself) and the answer store, and handed to the pure results code
// (src/surveys/results/) as RespondentRecords.
//
// Who counts as invited: a respondent whose workflow recorded the invitation (invitedAt), or who
// shows any sign of contact (a session, a consent, an answer) before the mirror caught up with it:
// the answer store is written as answers come and the mirror after, so a respondent may have
// answers and no invitedAt yet. One with neither was imported but not contacted (waiting for the
// contact window, the cadence's first step or a paused survey): left out of the results, where it
// would lower the response rate for people who were never asked; listed by surveyResponses with
// invitedAt null.

/** An answer as stored, in the results' form, with what the results do not need but a reader does. */
export type ListedAnswer = Omit<RespondentAnswer, 'answeredAt' | 'probe'> & {
  outcome: string;
  surveyVersion: number;
  answeredAt: string;
  probe?: { raw: string; ms: number; answeredAt: string };
};

export interface RespondentResponses {
  respondentId: string;
  status: string;
  surveyVersion: number;
  language: string;
  hidden: Record<string, string>;
  invitedAt: string | null;
  consentedAt: string | null;
  completedAt: string | null;
  sessions: { channel: string; startedAt: string }[];
  /** Every answer taken, oldest first, each probe on the answer it followed. */
  answers: ListedAnswer[];
}

export type ExportFormat = 'csv' | 'ndjson';

interface TakenAnswer {
  answer: RespondentAnswer;
  outcome: string;
  surveyVersion: number;
}

interface PageOfRespondents {
  respondents: RespondentRecordDoc[];
  answers: Map<string, TakenAnswer[]>;
}

/** Respondents are read this many at a time with their answers, so no one query sorts a whole survey's answers. */
const READ_BATCH = 500;

const exportTypes: Record<ExportFormat, string> = { csv: 'text/csv; charset=utf-8', ndjson: 'application/x-ndjson; charset=utf-8' };

/** The results of every version's respondents, read against the latest version's questions or the one asked for. */
export async function surveyResults(deps: UseCaseDeps, surveyId: string, query: { version?: number; groupBy?: string; question?: string }): Promise<SurveyResults & { version: number }> {
  const stored = await getSurvey(deps, surveyId, query.version);
  const by = query.groupBy === undefined ? undefined : grouping(stored.document, query.groupBy);
  const { question } = query;
  const ids = stored.document.questions.map((q) => q.id);
  if (question !== undefined && !ids.includes(question)) {
    throw new AppError('not_found', `survey '${surveyId}' v${stored.version} has no question '${question}' (its questions: ${ids.join(', ')})`, 404);
  }
  const records = await contactedRespondents(deps, surveyId);
  const results = aggregateResults(stored.document, records, { by });
  return { ...(question === undefined ? results : onlyQuestion(results, question)), version: stored.version };
}

/** The figures with one question's results kept: the response and completion figures stay whole. */
function onlyQuestion(results: SurveyResults, questionId: string): SurveyResults {
  const keep = (group: GroupResults): GroupResults => ({ ...group, questions: group.questions.filter((q) => q.id === questionId) });
  const view = (v: ResultsView): ResultsView => ({ ...v, overall: keep(v.overall), groups: v.groups.map((g) => ({ ...g, results: keep(g.results) })) });
  return { ...results, all: view(results.all), versions: results.versions.map((v) => ({ ...v, ...view(v) })) };
}

/** A page of respondents in reference order with every answer they gave; `next` is the cursor of the following page. */
export async function surveyResponses(
  deps: UseCaseDeps,
  surveyId: string,
  query: { after?: string; limit: number },
): Promise<{ responses: RespondentResponses[]; next?: string }> {
  await getSurvey(deps, surveyId);
  // One more than asked: whether it comes tells if there is a next page.
  const page = await respondentPage(deps, surveyId, query.after, query.limit + 1);
  const shown = page.respondents.slice(0, query.limit);
  const responses = shown.map((respondent) => listed(respondent, page.answers.get(respondent.workflowId) ?? []));
  return { responses, ...(page.respondents.length > query.limit ? { next: shown[shown.length - 1].respondentRef } : {}) };
}

/** The answers the results count, as a file: CSV (one row per respondent and question) or NDJSON (one line per respondent). */
export async function exportSurvey(deps: UseCaseDeps, surveyId: string, format: ExportFormat): Promise<{ filename: string; contentType: string; body: string }> {
  const stored = await getSurvey(deps, surveyId);
  const records = await contactedRespondents(deps, surveyId);
  const body = format === 'csv' ? toCsv(stored.document, records) : toNdjson(stored.document, records);
  return { filename: `${surveyId}-v${stored.version}-answers.${format}`, contentType: exportTypes[format], body };
}

/** 'channel', 'language' or 'hidden.<field>', the field one the survey declares; a 400 naming groupBy otherwise. */
function grouping(survey: Survey, groupBy: string): GroupBy {
  if (groupBy === 'channel' || groupBy === 'language') return groupBy;
  const field = groupBy.startsWith('hidden.') ? groupBy.slice('hidden.'.length) : undefined;
  if (field !== undefined && survey.hiddenFields.includes(field)) return { hidden: field };
  const declared = survey.hiddenFields.length ? `it declares ${survey.hiddenFields.map((name) => `hidden.${name}`).join(', ')}` : 'it declares no hidden fields';
  const message =
    field === undefined
      ? `must be channel, language or hidden.<field>, not '${groupBy}'`
      : `survey '${survey.id}' has no hidden field '${field}' (${declared})`;
  throw new AppError('invalid_request', `groupBy: ${message}`, 400, [{ path: 'groupBy', message }]);
}

async function contactedRespondents(deps: UseCaseDeps, surveyId: string): Promise<RespondentRecord[]> {
  const records: RespondentRecord[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await respondentPage(deps, surveyId, after, READ_BATCH);
    for (const respondent of page.respondents) {
      const record = respondentRecord(respondent, page.answers.get(respondent.workflowId) ?? []);
      if (record) records.push(record);
    }
    if (page.respondents.length < READ_BATCH) return records;
    after = page.respondents[page.respondents.length - 1].respondentRef;
  }
}

async function respondentPage(deps: UseCaseDeps, surveyId: string, after: string | undefined, limit: number): Promise<PageOfRespondents> {
  const { respondents: respondentStore, surveyAnswers } = deps.mongo.repositories;
  const respondents = await respondentStore.page(surveyId, { afterRespondentRef: after, limit });
  if (respondents.length === 0) return { respondents, answers: new Map() };
  const stored = await surveyAnswers.ofSurvey(surveyId, respondents.map((respondent) => respondent.workflowId));
  return { respondents, answers: answersByWorkflow(stored) };
}

/**
 * Each respondent's answers, oldest first, a probe reply attached to the latest answer to its
 * question before it (the one that opened the probe). A probe the respondent declined is dropped:
 * it says nothing of what went wrong, and the results list probe replies as text.
 */
function answersByWorkflow(stored: readonly StoredSurveyAnswer[]): Map<string, TakenAnswer[]> {
  const byWorkflow = new Map<string, TakenAnswer[]>();
  const latest = new Map<string, TakenAnswer>();
  for (const doc of stored) {
    const key = `${doc.workflowId}\u0000${doc.questionId}`;
    if (doc.part === 'probe') {
      const opened = latest.get(key);
      if (opened && doc.outcome === 'answered') opened.answer.probe = { raw: probeText(doc), ms: doc.elapsedMs ?? 0, answeredAt: doc.answeredAt.getTime() };
      continue;
    }
    const taken = { answer: respondentAnswer(doc), outcome: doc.outcome, surveyVersion: doc.surveyVersion };
    latest.set(key, taken);
    byWorkflow.set(doc.workflowId, [...(byWorkflow.get(doc.workflowId) ?? []), taken]);
  }
  return byWorkflow;
}

function respondentAnswer(doc: StoredSurveyAnswer): RespondentAnswer {
  return {
    questionId: doc.questionId,
    raw: doc.utterance ?? '',
    // A decline counts as reached and answered, without a value.
    value: doc.outcome === 'answered' ? (doc.value as AnswerValue) : null,
    confidence: doc.confidence,
    confirmed: doc.confirmed,
    channel: doc.channel as SurveyChannel,
    ms: doc.elapsedMs ?? 0,
    reasks: doc.reasks,
    answeredAt: doc.answeredAt.getTime(),
  };
}

/** The probe's free text as parsed (redacted); the utterance when the parser kept none. */
function probeText(doc: StoredSurveyAnswer): string {
  return typeof doc.value === 'string' ? doc.value : (doc.utterance ?? '');
}

function respondentRecord(respondent: RespondentRecordDoc, taken: readonly TakenAnswer[]): RespondentRecord | undefined {
  const sessions = sessionsOf(respondent);
  const answers = taken.map(({ answer }) => answer);
  const consentedAt = respondent.consentedAt?.getTime();
  const contacts = [...sessions.map((session) => session.startedAt), ...answers.map((answer) => answer.answeredAt), ...(consentedAt === undefined ? [] : [consentedAt])];
  const invitedAt = respondent.invitedAt?.getTime() ?? (contacts.length ? Math.min(...contacts) : undefined);
  if (invitedAt === undefined) return undefined;
  return {
    respondentId: respondent.respondentRef,
    surveyId: respondent.surveyId,
    surveyVersion: respondent.surveyVersion,
    language: respondent.language,
    hidden: hiddenText(respondent.hidden),
    invitedAt,
    ...(consentedAt === undefined ? {} : { consentedAt }),
    sessions,
    answers,
  };
}

function listed(respondent: RespondentRecordDoc, taken: readonly TakenAnswer[]): RespondentResponses {
  return {
    respondentId: respondent.respondentRef,
    status: respondent.status,
    surveyVersion: respondent.surveyVersion,
    language: respondent.language,
    hidden: hiddenText(respondent.hidden),
    invitedAt: isoOrNull(respondent.invitedAt),
    consentedAt: isoOrNull(respondent.consentedAt),
    completedAt: isoOrNull(respondent.completedAt),
    sessions: sessionsOf(respondent).map((session) => ({ channel: session.channel, startedAt: iso(session.startedAt) })),
    answers: taken.map(({ answer: { answeredAt, probe, ...answer }, outcome, surveyVersion }) => ({
      ...answer,
      outcome,
      surveyVersion,
      answeredAt: iso(answeredAt),
      ...(probe ? { probe: { ...probe, answeredAt: iso(probe.answeredAt) } } : {}),
    })),
  };
}

function sessionsOf(respondent: RespondentRecordDoc): ContactSession[] {
  // A respondent the import stored and its workflow has not mirrored yet may be read without a
  // sessions field (seen on FerretDB): lean reads apply no schema defaults.
  return (respondent.sessions ?? []).map((session) => ({ channel: session.channel as SurveyChannel, startedAt: session.startedAt.getTime() }));
}

/** Hidden fields as the import gave them, as text (the logic and the exports compare text). */
function hiddenText(hidden: unknown): Record<string, string> {
  const fields = typeof hidden === 'object' && hidden !== null ? Object.entries(hidden as Record<string, unknown>) : [];
  return Object.fromEntries(fields.filter(([, value]) => value !== null && value !== undefined).map(([name, value]) => [name, String(value)]));
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function isoOrNull(date: Date | null | undefined): string | null {
  return date ? date.toISOString() : null;
}
