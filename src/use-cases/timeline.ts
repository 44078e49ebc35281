import { AppError } from '../errors/app-error';
import { RespondentGateway } from '../temporal/respondent-gateway';
import { isStandaloneText, timelineEntries } from '../audit/timeline/timeline-entries';
import { beyondCursor, inWindow, pageStop, pageWindow, type TimelineCursor } from '../audit/timeline/timeline-page';
import type { Timeline } from '../audit/timeline/timeline-entry';
import { auditMillis, toMillis, type AnswerRow, type AuditRecord, type HistoryText, type PersonOfTimeline, type TimelineRecords } from '../audit/timeline/timeline-records';
import type { DebtorRef } from './debtors';
import type { RespondentKey } from './respondents';
import type { UseCaseDeps } from './use-case-deps';

// An auditor's timeline of one person, a page at a time: the audit log (and a respondent's
// answers) read from the cursor from the database, the texts from the workflow's history, and
// the records the page's entries name, merged and explained by src/audit/timeline.

export interface TimelineQuery {
  /** Entries that happened after this moment (ISO 8601): the `next` of the page before. */
  after?: string;
  /** Newest first: pages run back in time, each from the `older` of the page before (`before`). */
  order?: 'oldest' | 'newest';
  before?: string;
  limit: number;
}

/** The service's own number, for the "from" of what it sent. */
export interface TimelineOptions {
  serviceNumber?: string;
}

/** Pauses and resumes read to explain waits that began before the page: more than any account has. */
const maxPauses = 1000;

export async function debtorTimeline(deps: UseCaseDeps, ref: DebtorRef, query: TimelineQuery, options: TimelineOptions = {}): Promise<Timeline> {
  const debtor = await deps.mongo.repositories.debtors.byAccount(ref.campaignId, ref.accountRef);
  if (!debtor) throw new AppError('not_found', `no debtor '${ref.accountRef}' in campaign '${ref.campaignId}'`, 404);
  const { workflowId, phone, timeZone, currency } = debtor;
  return timelineOf(deps, { kind: 'debtor', workflowId, campaignId: ref.campaignId, ref: ref.accountRef, phone, timeZone, currency }, query, options);
}

export async function respondentTimeline(deps: UseCaseDeps, key: RespondentKey, query: TimelineQuery, options: TimelineOptions = {}): Promise<Timeline> {
  const respondent = await deps.mongo.repositories.respondents.byWorkflowId(RespondentGateway.workflowId(key.surveyId, key.respondentRef));
  if (!respondent) throw new AppError('not_found', `no respondent '${key.respondentRef}' in survey '${key.surveyId}'`, 404);
  const { workflowId, phone, timeZone } = respondent;
  return timelineOf(deps, { kind: 'respondent', workflowId, campaignId: key.surveyId, ref: key.respondentRef, phone, timeZone }, query, options);
}

async function timelineOf(deps: UseCaseDeps, person: PersonOfTimeline, query: TimelineQuery, options: TimelineOptions): Promise<Timeline> {
  const cursor = cursorOf(query);
  const notes: string[] = [];
  const { stop, ...page } = await readPage(deps, person, cursor, query.limit, notes);
  const linked = await linkedRecords(deps, person, page.audit);
  const records: TimelineRecords = { person, ...(options.serviceNumber ? { serviceNumber: options.serviceNumber } : {}), ...page, ...linked };
  const entries = timelineEntries(records, pageWindow(cursor, stop));
  const versionsNamed = [...new Set(entries.flatMap((entry) => (entry.campaignVersion === undefined ? [] : [entry.campaignVersion])))];
  const versions = await deps.mongo.repositories.personRecords.campaignVersions(person.campaignId, versionsNamed);
  const more = stop === undefined ? {} : cursor.newest ? { older: new Date(stop).toISOString() } : { next: new Date(stop).toISOString() };
  return {
    person,
    campaignVersions: versions.map((v) => ({ version: v.version, name: v.name, appliedAt: v.createdAt.toISOString(), ...(v.appliedBy ? { appliedBy: v.appliedBy } : {}) })),
    entries: cursor.newest ? entries.reverse() : entries,
    ...more,
    notes,
  };
}

function cursorOf(query: TimelineQuery): TimelineCursor {
  if (query.order === 'newest') return { newest: true, before: query.before === undefined ? Number.POSITIVE_INFINITY : Date.parse(query.before) };
  return { newest: false, after: query.after === undefined ? Number.NEGATIVE_INFINITY : Date.parse(query.after) };
}

/** The earliest and the latest moments a Date holds: a first page starts from one of them. */
const beginning = new Date(-8.64e15);
const endOfTime = new Date(8.64e15);
const dateAt = (ms: number) => (ms === Number.NEGATIVE_INFINITY ? beginning : ms === Number.POSITIVE_INFINITY ? endOfTime : new Date(ms));

/**
 * The audit entries, answers and texts of one page: each source read from the cursor the way the
 * page runs (at most `limit` of the audit log and of the answers), cut where the page stops
 * (`stop`, undefined on the last page) with every entry of that last moment kept.
 */
async function readPage(deps: UseCaseDeps, person: PersonOfTimeline, cursor: TimelineCursor, limit: number, notes: string[]) {
  const records = deps.mongo.repositories.personRecords;
  const respondent = person.kind === 'respondent';
  const from = dateAt(cursor.newest ? cursor.before : cursor.after);
  const [audit, answers]: [AuditRecord[], AnswerRow[]] = await Promise.all([
    cursor.newest ? records.auditBefore(person.workflowId, from, limit) : records.auditAfter(person.workflowId, from, limit),
    !respondent ? [] : cursor.newest ? records.answersBefore(person.workflowId, from, limit) : records.answersAfter(person.workflowId, from, limit),
  ]);
  // A debtor's texts are all attempts the audit log names: the history is read only when the page has one.
  const needsTexts = respondent || audit.some((record) => record.type.startsWith('sms-') || (record.type === 'contact-attempt' && record.data.channel === 'sms'));
  const texts = needsTexts ? await historyTexts(deps, person.workflowId, notes) : [];
  const standalone = texts.filter(isStandaloneText).filter((text) => beyondCursor(cursor, text.at));
  const moments = [...audit.map(auditMillis), ...answers.map((answer) => toMillis(answer.answeredAt)), ...standalone.map((text) => text.at)];
  const stop = pageStop(moments, limit, audit.length === limit || answers.length === limit, cursor.newest);
  if (stop === undefined) return { audit, answers, texts, stop };
  const at = new Date(stop);
  const [sameMoment, sameMomentAnswers] = await Promise.all([records.auditAt(person.workflowId, at), respondent ? records.answersAt(person.workflowId, at) : []]);
  const known = new Set([...audit.map((record) => record.eventKey), ...answers.map((answer) => answer.answerKey)]);
  const window = pageWindow(cursor, stop);
  return {
    audit: [...audit, ...sameMoment.filter((record) => !known.has(record.eventKey))].filter((record) => inWindow(window, auditMillis(record))),
    answers: [...answers, ...sameMomentAnswers.filter((answer) => !known.has(answer.answerKey))].filter((answer) => inWindow(window, toMillis(answer.answeredAt))),
    texts,
    stop,
  };
}

/** The records the page's audit entries name, by their keys, and the account's pauses. */
async function linkedRecords(deps: UseCaseDeps, person: PersonOfTimeline, audit: readonly AuditRecord[]) {
  const records = deps.mongo.repositories.personRecords;
  const keysOf = (type: string, field: string) => [...new Set(audit.filter((r) => r.type === type).map((r) => r.data[field]).filter((v): v is string => typeof v === 'string'))];
  const attemptKeys = keysOf('contact-attempt', 'attemptKey');
  const [attempts, calls, payments, tasks, pauses] = await Promise.all([
    records.attempts(attemptKeys),
    records.calls(attemptKeys),
    records.payments(keysOf('payment-received', 'paymentId')),
    records.humanTasks(keysOf('human-task-opened', 'taskId')),
    records.auditOfTypes(person.workflowId, ['paused', 'resumed'], maxPauses),
  ]);
  const turns = await records.callTurns(calls.map((call) => call.callWorkflowId));
  return { attempts, calls, payments, tasks, pauses, turns };
}

/** The texts of the workflow's history; a history that cannot be read leaves their words out, and the timeline says so. */
async function historyTexts(deps: UseCaseDeps, workflowId: string, notes: string[]): Promise<HistoryText[]> {
  try {
    return await deps.gateway.workflowTexts(workflowId);
  } catch (err) {
    notes.push(`the workflow's history could not be read (${(err as Error).message}): texts are shown without their words`);
    return [];
  }
}
