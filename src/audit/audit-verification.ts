import { checkChain } from './audit-chain';
import type { AuditProblem, StoredAuditEntry } from './audit-entry';
import { checkAgainstHistory, type HistoryAuditWrite } from './audit-history-agreement';

// `audit verify` for one subject: its chain, then its agreement with the workflow history, one
// problem per entry (the first found: a changed hash says more than the history's disagreement
// that follows from it).

export interface SubjectHistory {
  /** The workflow's runs (continue-as-new starts another). */
  runs: number;
  writes: HistoryAuditWrite[];
}

export interface AuditVerification {
  workflowId: string;
  entriesChecked: number;
  /** The chain positions checked, first and last. */
  first?: number;
  last?: number;
  /** Entries before this position expired under retention. */
  expiredBefore?: number;
  /** Undefined when Temporal no longer has the workflow (past its namespace's retention): only the chain was checked. */
  history?: { runs: number; writes: number; inFlight: number; expired: number };
  problems: AuditProblem[];
  ok: boolean;
}

export function verifyAuditLog(workflowId: string, entries: readonly StoredAuditEntry[], history: SubjectHistory | undefined): AuditVerification {
  const chain = checkChain(entries);
  const firstAt = entries.find((entry) => entry.chainSeq === chain.expiredBefore)?.at;
  const cut = chain.expiredBefore !== undefined && firstAt ? { expiredBefore: chain.expiredBefore, firstAt } : undefined;
  const agreement = history ? checkAgainstHistory(entries, history.writes, cut) : undefined;
  const seen = new Set<string>();
  const problems = [...chain.problems, ...(agreement?.problems ?? [])].filter((problem) => {
    const entry = problem.eventKey ?? `#${problem.chainSeq}`;
    if (seen.has(entry)) return false;
    seen.add(entry);
    return true;
  });
  return {
    workflowId,
    entriesChecked: entries.length,
    ...(chain.first !== undefined ? { first: chain.first, last: chain.last } : {}),
    ...(chain.expiredBefore !== undefined ? { expiredBefore: chain.expiredBefore } : {}),
    ...(history && agreement ? { history: { runs: history.runs, writes: history.writes.length, inFlight: agreement.inFlight, expired: agreement.expired } } : {}),
    problems,
    ok: problems.length === 0,
  };
}
