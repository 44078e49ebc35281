import { redactStrings } from '../policy/redaction';

// What one audit log entry holds. The workflow sends the content; the log adds when it was
// written and the entry's place in its subject's hash chain (audit-chain.ts).

/** What a workflow asks the log to keep (the `recordAudit` activity's input). */
export interface AuditContent {
  /** `<workflow id>#<n>`: written once, so a retried activity adds nothing. */
  eventKey: string;
  /** The subject: every entry of one workflow id forms one chain. */
  workflowId: string;
  campaignId: string;
  campaignVersion: number;
  type: string;
  data: Record<string, unknown>;
  /** When what the entry records happened, in the workflow's time (epoch ms; a Date once stored). Absent in histories from before it was sent. */
  occurredAt?: number | Date;
}

/** An entry as the log stores it. */
export interface ChainedAuditEntry extends AuditContent {
  at: Date;
  /** 1, 2, … in the order the subject's entries were stored (not their eventKey order: writes race). */
  chainSeq: number;
  /** The hash of the subject's previous entry, or the genesis value for its first. */
  prevHash: string;
  hash: string;
}

/**
 * An entry as read back, before anything about it is trusted: a hand-made or damaged document may
 * lack its chain fields.
 */
export type StoredAuditEntry = AuditContent & { at: Date } & Partial<Pick<ChainedAuditEntry, 'chainSeq' | 'prevHash' | 'hash'>>;

/**
 * The data as the log keeps it: every string redacted, so no card or ID number reaches MongoDB.
 * The activity stores this and `audit verify` compares the history's input through it.
 */
export function auditedData(data: Record<string, unknown>): Record<string, unknown> {
  return redactStrings(data);
}

/** What `audit verify` found wrong with one entry (or with one missing from the log). */
export interface AuditProblem {
  kind: 'edited' | 'deleted' | 'broken-link' | 'unchained' | 'not-in-history' | 'differs-from-history' | 'missing';
  /** The entry's key; for a gap in the chain, the key of the entry after it. */
  eventKey?: string;
  /** Its position in the subject's chain, when it has one. */
  chainSeq?: number;
  detail: string;
}
