import type { InboundSms } from '../../../workflows/outreach/outreach.messages';

// What a person's timeline is made of, as the use case reads it: the audit log, the stored records
// its entries name, the texts of the workflow's history, a respondent's answers. Plain shapes, so
// the merging and explaining (timeline-entries.ts, timeline-why.ts) stay pure and table-tested.

/** Epoch ms or a Date, as stored. */
export type Instant = number | Date;

export interface PersonOfTimeline {
  kind: 'debtor' | 'respondent';
  workflowId: string;
  /** The campaign's (or survey's) id. */
  campaignId: string;
  /** The account reference or the respondent reference. */
  ref: string;
  phone: string;
  /** IANA zone: every local time is given here. */
  timeZone: string;
  /** A debtor's currency, for amounts. */
  currency?: string;
}

export interface AuditRecord {
  eventKey: string;
  type: string;
  /** In the workflow's time; entries written before it was recorded have only `at` (when written). */
  occurredAt?: Instant | null;
  at: Instant;
  campaignVersion: number;
  data: Record<string, unknown>;
}

/** A contact attempt's stored record: the number it went to, and what the provider said. */
export interface AttemptRow {
  attemptKey: string;
  to: string;
  state: string;
  providerSid?: string | null;
  providerStatus?: string | null;
  errorCode?: string | null;
}

export interface CallRow {
  attemptKey: string;
  callWorkflowId: string;
  callSid?: string | null;
  status?: string | null;
  answeredBy?: string | null;
  escalationSummary?: string | null;
}

/** One turn of a call, as stored (redacted). */
export interface TurnRow {
  callWorkflowId: string;
  seq: number;
  state: string;
  heard: string;
  digits?: string | null;
  said: string;
  intent: string;
  sentiment: number;
  confidence: number;
  nextState: string;
  engine: string;
  violations?: string[] | null;
}

export interface PaymentRow {
  paymentId: string;
  amountMinor: number;
  currency: string;
  provider: string;
  recordedBy?: string | null;
  receivedAt: Instant;
}

export interface TaskRow {
  taskId: string;
  reason: string;
  summary: string;
  status: string;
  resolution?: unknown;
}

export interface VersionRow {
  version: number;
  name: string;
  createdAt: Instant;
  appliedBy?: string | null;
}

/** A respondent's answer to one question (or its probe), as stored (the utterance redacted). */
export interface AnswerRow {
  answerKey: string;
  questionId: string;
  part: string;
  outcome: string;
  value?: unknown;
  utterance?: string | null;
  confidence: number;
  channel: string;
  surveyVersion: number;
  answeredAt: Instant;
}

/** A text the workflow sent (`out`) or received (`in`), from its history, dated by the history event. */
export type HistoryText =
  | { direction: 'out'; at: number; attemptKey: string; stepId: string; purpose: string; campaignVersion: number; to: string; body: string }
  | { direction: 'in'; at: number; messageSid: string; kind: InboundSms['kind']; body: string };

/** Everything one page of a timeline is built from. */
export interface TimelineRecords {
  person: PersonOfTimeline;
  /** The service's own number (texts and calls come from it, replies go to it), when configured. */
  serviceNumber?: string;
  audit: AuditRecord[];
  answers: AnswerRow[];
  /** Every text of the workflow's history (the builder takes the ones the page needs). */
  texts: HistoryText[];
  attempts: AttemptRow[];
  calls: CallRow[];
  turns: TurnRow[];
  payments: PaymentRow[];
  tasks: TaskRow[];
  /** The person's pauses and resumes, all of them (they explain waits that began on an earlier page). */
  pauses: AuditRecord[];
}

export const toMillis = (instant: Instant): number => (typeof instant === 'number' ? instant : instant.getTime());

/** When an audit entry's event happened: in the workflow's time when recorded, else when it was written. */
export const auditMillis = (record: AuditRecord): number => toMillis(record.occurredAt ?? record.at);
