import type { Repositories } from '../src/adapters/mongo/repositories';

export interface SelfCheckRecord {
  checkId: string;
  workflowId: string;
  requestedBy: string;
  writtenAt: string;
}

export function createSelfCheckActivities(deps: { repositories: Pick<Repositories, 'selfChecks'> }) {
  return {
    /** Idempotent: a retry after a crash finds the first write instead of making a second. */
    async recordSelfCheck(input: Omit<SelfCheckRecord, 'writtenAt'>): Promise<SelfCheckRecord> {
      const doc = await deps.repositories.selfChecks.recordOnce(input);
      return { checkId: doc.checkId, workflowId: doc.workflowId, requestedBy: doc.requestedBy, writtenAt: doc.writtenAt.toISOString() };
    },
  };
}
