import type { Models } from '../src/adapters/mongo/models';

export interface SelfCheckRecord {
  checkId: string;
  workflowId: string;
  requestedBy: string;
  writtenAt: string;
}

export function createSelfCheckActivities(deps: { models: Pick<Models, 'selfChecks'> }) {
  return {
    /** Idempotent: a retry after a crash finds the first write instead of making a second. */
    async recordSelfCheck(input: Omit<SelfCheckRecord, 'writtenAt'>): Promise<SelfCheckRecord> {
      const doc = await deps.models.selfChecks
        .findOneAndUpdate(
          { checkId: input.checkId },
          { $setOnInsert: { ...input, writtenAt: new Date() } },
          { upsert: true, returnDocument: 'after', lean: true },
        )
        .orFail();
      return { checkId: doc.checkId, workflowId: doc.workflowId, requestedBy: doc.requestedBy, writtenAt: doc.writtenAt.toISOString() };
    },
  };
}
