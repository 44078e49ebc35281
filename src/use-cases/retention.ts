import type { Repositories } from '../adapters/mongo/repositories';
import type { RetainedRecords, RetentionPolicy } from '../config/config';
import { terminalOutcomes } from '../../workflows/debtor/debtor.messages';

// Records past their retention are deleted, oldest first, kind by kind. A debt's compliance
// records are kept until the configured days have passed since the account closed, not only since
// the record was written: Regulation F keeps them "three years after the debt collector's last
// collection activity on the debt" (12 CFR 1006.100(a)), and an account may be worked for months.

/** What evidences a debt's collection (contacts, what was said, tasks, the audit log): held while its account is open or recently closed. */
const complianceRecords: ReadonlySet<RetainedRecords> = new Set(['contactAttempts', 'calls', 'callTurns', 'auditEvents', 'humanTasks']);

const dayMs = 24 * 3600 * 1000;

export type RetentionRun = Record<RetainedRecords, number>;

/** Deletes every kind of record past its retention; answers how many of each went. */
export async function deleteExpiredRecords(repositories: Pick<Repositories, 'retention'>, policy: RetentionPolicy, now = new Date()): Promise<RetentionRun> {
  const { retention } = repositories;
  const deleted = {} as RetentionRun;
  for (const [kind, days] of Object.entries(policy.days) as Array<[RetainedRecords, number]>) {
    const cutoff = new Date(now.getTime() - days * dayMs);
    const held = complianceRecords.has(kind) ? (accounts: string[]) => retention.debtorsHeldAfter(accounts, cutoff, terminalOutcomes) : async () => [];
    deleted[kind] = await retention.deleteExpired(kind, cutoff, held);
  }
  return deleted;
}
