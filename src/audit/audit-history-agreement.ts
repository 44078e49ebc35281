import { canonicalJson } from './audit-chain';
import { auditedData, type AuditContent, type AuditProblem, type StoredAuditEntry } from './audit-entry';

// The audit log against the workflow history: the history records every `recordAudit` the
// workflow scheduled, with its input, and whether it completed. A chain rebuilt after an edit
// would pass its own check; it cannot also match what the history says was written.

/** One `recordAudit` in the workflow's history. */
export interface HistoryAuditWrite {
  input: AuditContent;
  /** When the workflow scheduled it: its entry was stored after that. */
  scheduledAt: Date;
  /** Its activity completed, so the entry is in the log; one still running may not be yet. */
  completed: boolean;
}

/** Where retention cut the front of the chain: entries before #expiredBefore are gone, and #expiredBefore was stored at `firstAt`. */
export interface RetentionCut {
  expiredBefore: number;
  firstAt: Date;
}

export interface HistoryAgreement {
  problems: AuditProblem[];
  /** Writes scheduled but not completed, whose entries are not stored yet: not a problem. */
  inFlight: number;
  /** Completed writes whose entries retention removed. */
  expired: number;
}

const compared = ['type', 'campaignId', 'campaignVersion', 'workflowId'] as const;

/** Which fields of a stored entry differ from what the history says was written (data by its top-level keys). */
function differences(entry: StoredAuditEntry, sent: AuditContent): string[] {
  const fields = compared.filter((field) => canonicalJson(entry[field]) !== canonicalJson(sent[field])) as string[];
  const expected = auditedData(sent.data);
  const stored: unknown = entry.data;
  if (stored === null || typeof stored !== 'object' || Array.isArray(stored)) return [...fields, 'data'];
  const keys = [...new Set([...Object.keys(expected), ...Object.keys(stored)])].sort();
  const changed = keys.filter((key) => canonicalJson((stored as Record<string, unknown>)[key]) !== canonicalJson(expected[key]));
  return [...fields, ...changed.map((key) => `data.${key}`)];
}

/**
 * Every stored entry was written by the workflow, as it is now; every completed write is stored,
 * or was removed by retention: among the writes scheduled before the first remaining entry was
 * stored, as many as the chain says expired.
 */
export function checkAgainstHistory(entries: readonly StoredAuditEntry[], writes: readonly HistoryAuditWrite[], cut?: RetentionCut): HistoryAgreement {
  const sentByKey = new Map(writes.map((write) => [write.input.eventKey, write]));
  const problems: AuditProblem[] = [];
  for (const entry of entries) {
    const place = { eventKey: entry.eventKey, ...(entry.chainSeq !== undefined ? { chainSeq: entry.chainSeq } : {}) };
    const write = sentByKey.get(entry.eventKey);
    if (!write) {
      problems.push({ kind: 'not-in-history', ...place, detail: 'not in the workflow history: the workflow never wrote this entry' });
      continue;
    }
    const fields = differences(entry, write.input);
    if (fields.length > 0) problems.push({ kind: 'differs-from-history', ...place, detail: `differs from the workflow history in ${fields.join(', ')}` });
  }
  const stored = new Set(entries.map((entry) => entry.eventKey));
  const unstored = writes.filter((write) => !stored.has(write.input.eventKey));
  const gone = unstored.filter((write) => write.completed).sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime());
  const expired = cut ? gone.filter((write) => write.scheduledAt <= cut.firstAt).slice(0, cut.expiredBefore - 1) : [];
  for (const write of gone.filter((w) => !expired.includes(w))) {
    problems.push({ kind: 'missing', eventKey: write.input.eventKey, detail: 'written according to the workflow history (its recordAudit completed), but not in the audit log (deleted)' });
  }
  return { problems, inFlight: unstored.length - gone.length, expired: expired.length };
}
