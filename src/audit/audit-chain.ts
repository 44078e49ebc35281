import { createHash } from 'node:crypto';
import type { AuditContent, AuditProblem, ChainedAuditEntry, StoredAuditEntry } from './audit-entry';

// The audit log's hash chain, one per subject (workflow id). Each entry's hash covers its content,
// its position and the previous entry's hash, so changing an entry in the database breaks its own
// hash, and removing one leaves a gap or a link that no longer holds. Rewriting the chain from the
// changed entry onwards would take recomputing every later hash, and the workflow history (which
// `audit verify` also compares) still holds what was written.

/** The `prevHash` of a subject's first entry. */
export const genesisHash = '0'.repeat(64);

/**
 * One text per value, whatever the order its keys were written or read back in: keys sorted at
 * every depth, dates (and anything else with a toJSON, such as an ObjectId) by their JSON form,
 * undefined members left out as JSON.stringify leaves them.
 */
export function canonicalJson(value: unknown): string {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return canonicalJson((value as { toJSON(): unknown }).toJSON());
  }
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The fields a hash covers, named one by one: a field added to the documents later is not covered by accident. */
export function entryHash(entry: AuditContent & { at: Date; chainSeq: number; prevHash: string }): string {
  const { eventKey, workflowId, campaignId, campaignVersion, type, at, data, chainSeq, prevHash } = entry;
  // Sent as epoch ms, read back as a Date: one form for both.
  const occurredAt = entry.occurredAt === undefined || entry.occurredAt === null ? undefined : new Date(entry.occurredAt);
  const covered = { eventKey, workflowId, campaignId, campaignVersion, type, at, occurredAt, data, chainSeq, prevHash };
  return createHash('sha256').update(canonicalJson(covered)).digest('hex');
}

/** The entry to store after `previous` (the subject's last stored entry, if any). */
export function chainedEntry(content: AuditContent, at: Date, previous: { chainSeq: number; hash: string } | undefined): ChainedAuditEntry {
  const link = { chainSeq: (previous?.chainSeq ?? 0) + 1, prevHash: previous?.hash ?? genesisHash };
  return { ...content, at, ...link, hash: entryHash({ ...content, at, ...link }) };
}

export interface ChainCheck {
  problems: AuditProblem[];
  /** The first position still stored, when it is after #1: retention removed the ones before it. */
  expiredBefore?: number;
  /** The positions checked, first and last. */
  first?: number;
  last?: number;
}

type Linked = StoredAuditEntry & { chainSeq: number };

/**
 * Whether one subject's stored entries (in any order) form an unbroken chain: every hash
 * recomputes and every entry links to the one before it. Retention removes entries from the
 * front, so the first remaining entry may sit after #1; from there on, nothing may be missing.
 */
export function checkChain(entries: readonly StoredAuditEntry[]): ChainCheck {
  const isLinked = (entry: StoredAuditEntry): entry is Linked => Number.isInteger(entry.chainSeq) && (entry.chainSeq ?? 0) > 0;
  const linked = entries.filter(isLinked).sort((a, b) => a.chainSeq - b.chainSeq);
  const problems: AuditProblem[] = entries
    .filter((entry) => !isLinked(entry))
    .map((entry) => ({
      kind: 'unchained',
      eventKey: entry.eventKey,
      detail: 'has no place in the hash chain (no chainSeq): inserted outside the audit log, or written before it was chained',
    }));
  linked.forEach((entry, index) => {
    const problem = entryProblem(entry, linked[index - 1]);
    if (problem) problems.push({ ...problem, eventKey: entry.eventKey, chainSeq: entry.chainSeq });
  });
  const first = linked[0]?.chainSeq;
  return { problems, first, last: linked.at(-1)?.chainSeq, ...(first !== undefined && first > 1 ? { expiredBefore: first } : {}) };
}

function entryProblem(entry: Linked, before: Linked | undefined): Pick<AuditProblem, 'kind' | 'detail'> | undefined {
  const { prevHash, hash } = entry;
  if (typeof prevHash !== 'string' || hash !== entryHash({ ...entry, prevHash })) {
    return { kind: 'edited', detail: 'hash mismatch: the entry was changed after it was written (edited)' };
  }
  if (before === undefined) {
    if (entry.chainSeq === 1 && prevHash !== genesisHash) return { kind: 'broken-link', detail: "the chain's first entry does not link to the genesis value" };
    return undefined;
  }
  if (before.chainSeq === entry.chainSeq) return { kind: 'broken-link', detail: `a second entry at #${entry.chainSeq}` };
  const missing = entry.chainSeq - before.chainSeq - 1;
  if (missing > 0) {
    const which = missing === 1 ? `entry #${before.chainSeq + 1} before it is` : `entries #${before.chainSeq + 1}-#${entry.chainSeq - 1} before it are`;
    return { kind: 'deleted', detail: `missing link: ${which} missing (deleted)` };
  }
  if (prevHash !== before.hash) {
    return { kind: 'broken-link', detail: `missing link: its prevHash is not the hash of #${before.chainSeq} (an entry was replaced, or the chain rewritten)` };
  }
  return undefined;
}
