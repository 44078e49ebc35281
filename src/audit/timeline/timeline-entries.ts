import { clockIn, type Clock } from './timeline-clock';
import { describeAudit, shownBody, type Described, type EntryContext } from './timeline-audit-entries';
import type { TimelineEntry } from './timeline-entry';
import { auditMillis, toMillis, type AnswerRow, type AuditRecord, type HistoryText, type TimelineRecords } from './timeline-records';
import { inWindow, type PageWindow } from './timeline-page';
import { pauseSpans } from './timeline-why';

// The merge: every audit entry told with the records it names, the texts no audit entry covers
// (a survey conversation's messages), and a respondent's answers, in the order they happened.

type SentText = Extract<HistoryText, { direction: 'out' }>;

/**
 * A text a timeline shows on its own: a survey conversation's messages are not contact attempts.
 * Every other text the workflow sends is one, and its attempt's audit entry shows its words.
 */
export function isStandaloneText(text: HistoryText): text is SentText {
  return text.direction === 'out' && text.purpose === 'survey-conversation';
}

/** An entry and where it sorts: its moment, then the order its source gives (the audit log's sequence). */
interface Placed {
  ms: number;
  order: string;
  entry: TimelineEntry;
}

/** The audit entry's sequence number in its workflow, zero-padded so that it sorts as text. */
const auditOrder = (record: AuditRecord) => `a${(/#(\d+)$/.exec(record.eventKey)?.[1] ?? '').padStart(12, '0')}`;

function place(ms: number, order: string, clock: Clock, entry: Omit<TimelineEntry, 'at' | 'localTime'>): Placed {
  const { id, ...rest } = entry;
  return { ms, order, entry: { id, at: clock.utc(ms), localTime: clock.localIso(ms), ...rest } };
}

function auditEntry(record: AuditRecord, ctx: EntryContext): Placed {
  const ms = auditMillis(record);
  const { details, ...described }: Described = describeAudit(record.type, record.data, ms, ctx);
  return place(ms, auditOrder(record), ctx.clock, {
    id: `audit:${record.eventKey}`,
    kind: record.type,
    ...described,
    campaignVersion: record.campaignVersion,
    details: details ?? record.data,
  });
}

/** What a conversation text answers, from the key it was sent under (the reply, reminder or invitation it follows). */
function conversationWhy(attemptKey: string): string {
  if (attemptKey.includes('/reply/')) return "the survey's answer to the respondent's text";
  if (attemptKey.includes('/reminder/')) return 'a reminder of the question the respondent has not answered';
  return "the survey's next message after the invitation";
}

function textEntry(text: SentText, ctx: EntryContext): Placed {
  return place(text.at, `t${text.attemptKey}`, ctx.clock, {
    id: `text:${text.attemptKey}`,
    kind: 'text-sent',
    title: 'Text: the survey conversation',
    channel: 'sms',
    ...(ctx.serviceNumber ? { from: ctx.serviceNumber } : {}),
    to: text.to,
    why: conversationWhy(text.attemptKey),
    body: shownBody(text.body),
    campaignVersion: text.campaignVersion,
    details: { attemptKey: text.attemptKey, stepId: text.stepId, purpose: text.purpose },
  });
}

function answerEntry(answer: AnswerRow, clock: Clock): Placed {
  const probe = answer.part === 'probe' ? ' (follow-up question)' : '';
  return place(toMillis(answer.answeredAt), `s${answer.answerKey}`, clock, {
    id: `answer:${answer.answerKey}`,
    kind: 'answer',
    title: `Answer to '${answer.questionId}'${probe}`,
    channel: answer.channel === 'voice' ? 'voice' : 'sms',
    outcome: `${answer.outcome}${answer.value === null || answer.value === undefined ? '' : `: ${JSON.stringify(answer.value)}`}`,
    why: `read with confidence ${answer.confidence}`,
    ...(answer.utterance ? { body: answer.utterance } : {}),
    campaignVersion: answer.surveyVersion,
    details: { questionId: answer.questionId, part: answer.part, outcome: answer.outcome, value: answer.value, confidence: answer.confidence },
  });
}

function byKey<T, K extends keyof T>(rows: readonly T[], key: K): Map<T[K], T> {
  return new Map(rows.map((row) => [row[key], row]));
}

function entryContext(records: TimelineRecords): EntryContext {
  const turns = new Map<string, TimelineRecords['turns']>();
  for (const turn of [...records.turns].sort((a, b) => a.seq - b.seq)) turns.set(turn.callWorkflowId, [...(turns.get(turn.callWorkflowId) ?? []), turn]);
  const sent = records.texts.filter((t): t is SentText => t.direction === 'out');
  const received = records.texts.filter((t): t is Extract<HistoryText, { direction: 'in' }> => t.direction === 'in');
  return {
    person: records.person,
    ...(records.serviceNumber ? { serviceNumber: records.serviceNumber } : {}),
    clock: clockIn(records.person.timeZone),
    pauses: pauseSpans(records.pauses.map((record) => ({ type: record.type, at: auditMillis(record), data: record.data }))),
    attempts: byKey(records.attempts, 'attemptKey'),
    calls: byKey(records.calls, 'attemptKey'),
    turns,
    payments: byKey(records.payments, 'paymentId'),
    tasks: byKey(records.tasks, 'taskId'),
    sent: byKey(sent, 'attemptKey'),
    received: byKey(received, 'messageSid'),
  };
}

/**
 * The timeline's entries from its records, in the order they happened (ties in the audit log's
 * order). Texts no audit entry covers are taken within (after, until].
 */
export function timelineEntries(records: TimelineRecords, window: PageWindow): TimelineEntry[] {
  const ctx = entryContext(records);
  const placed = [
    ...records.audit.map((record) => auditEntry(record, ctx)),
    ...records.texts.filter(isStandaloneText).filter((text) => inWindow(window, text.at)).map((text) => textEntry(text, ctx)),
    ...records.answers.map((answer) => answerEntry(answer, ctx.clock)),
  ];
  placed.sort((a, b) => a.ms - b.ms || (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
  return placed.map((p) => p.entry);
}
