import { AppError } from '../errors/app-error';
import { RespondentGateway } from '../temporal/respondent-gateway';
import { isStandaloneText, pageEnd, timelineEntries } from '../audit/timeline/timeline-entries';
import type { Timeline } from '../audit/timeline/timeline-entry';
import { auditMillis, toMillis, type AnswerRow, type AuditRecord, type HistoryText, type PersonOfTimeline, type TimelineRecords } from '../audit/timeline/timeline-records';
import type { DebtorRef } from './debtors';
import type { RespondentKey } from './respondents';
import type { UseCaseDeps } from './use-case-deps';

// An auditor's timeline of one person, a page at a time: the audit log (and a respondent's
// answers) read after the cursor from the database, the texts from the workflow's history, and
// the records the page's entries name, merged and explained by src/audit/timeline.

export interface TimelineQuery {
  /** Entries that happened after this moment (ISO 8601): the `next` of the page before. */
  after?: string;
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
  const records = deps.mongo.repositories.personRecords;
  const after = query.after === undefined ? Number.NEGATIVE_INFINITY : Date.parse(query.after);
  const since = new Date(Number.isFinite(after) ? after : -8.64e15);
  const [audit, answers]: [AuditRecord[], AnswerRow[]] = await Promise.all([
    records.auditAfter(person.workflowId, since, query.limit),
    person.kind === 'respondent' ? records.answersAfter(person.workflowId, since, query.limit) : [],
  ]);
  const notes: string[] = [];
  // A debtor's texts are all attempts the audit log names: the history is read only when the page has one.
  const needsTexts = person.kind === 'respondent' || audit.some((record) => record.type.startsWith('sms-') || (record.type === 'contact-attempt' && record.data.channel === 'sms'));
  const texts = needsTexts ? await historyTexts(deps, person.workflowId, notes) : [];
  const standalone = texts.filter(isStandaloneText).filter((text) => text.at > after);
  const moments = [...audit.map(auditMillis), ...answers.map((answer) => toMillis(answer.answeredAt)), ...standalone.map((text) => text.at)];
  const end = pageEnd(moments, query.limit, audit.length === query.limit || answers.length === query.limit);
  if (end !== undefined) {
    // Every entry of the page's last moment is on this page: the next one starts after it.
    const at = new Date(end);
    const [moreAudit, moreAnswers] = await Promise.all([records.auditAt(person.workflowId, at), person.kind === 'respondent' ? records.answersAt(person.workflowId, at) : []]);
    audit.push(...moreAudit.filter((record) => !audit.some((known) => known.eventKey === record.eventKey)));
    answers.push(...moreAnswers.filter((answer) => !answers.some((known) => known.answerKey === answer.answerKey)));
  }
  const until = end ?? Number.POSITIVE_INFINITY;
  const page = {
    audit: audit.filter((record) => auditMillis(record) <= until),
    answers: answers.filter((answer) => toMillis(answer.answeredAt) <= until),
  };
  const linked = await linkedRecords(deps, person, page.audit);
  const timelineRecords: TimelineRecords = { person, ...(options.serviceNumber ? { serviceNumber: options.serviceNumber } : {}), ...page, texts, ...linked };
  const entries = timelineEntries(timelineRecords, { after, until });
  const versions = await records.campaignVersions(person.campaignId, [...new Set(entries.flatMap((entry) => (entry.campaignVersion === undefined ? [] : [entry.campaignVersion])))]);
  return {
    person,
    campaignVersions: versions.map((v) => ({ version: v.version, name: v.name, appliedAt: v.createdAt.toISOString(), ...(v.appliedBy ? { appliedBy: v.appliedBy } : {}) })),
    entries,
    ...(end !== undefined ? { next: new Date(end).toISOString() } : {}),
    notes,
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
  return { attempts, calls, payments, tasks, pauses: pauses as AuditRecord[], turns };
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
