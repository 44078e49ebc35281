import mongoose, { type Model } from 'mongoose';
import type { Models } from '../models';
import type { RetainedRecords } from '../../../config/config';

// Deletes records past their retention, by date. FerretDB (1.24, both backends) answers
// `Index option "expireAfterSeconds" is not implemented yet`, so no TTL index can do it; a worker
// runs this on an interval instead (src/service/retention-job.ts).

/** How one kind of record is found by age, and which person's account it belongs to. */
interface RetainedKind {
  model: Model<any>;
  dateField: string;
  ownerField: string;
  /** The account (debtor or respondent workflow id) a record's owner field names. */
  accountOf: (owner: string) => string;
  /** Only records that are finished: an open task is never deleted, however old. */
  finished?: Record<string, unknown>;
}

const sameAccount = (owner: string) => owner;
/** A call's workflow id is `<person's workflow id>/call/<attempt>`; a clip's key `<call's workflow id>/clip/<n>`. */
const accountOfCall = (owner: string) => owner.split('/call/')[0];

/** Records of this many owners are looked at per round: bounded memory, however much has expired. */
const ownersPerRound = 500;

// trusted(): our own operators on values built here; sanitizeFilter would quote them.
const before = (cutoff: Date) => mongoose.trusted({ $lt: cutoff });

export function createRetentionRepository(models: Models) {
  const kinds: Record<RetainedRecords, RetainedKind> = {
    contactAttempts: { model: models.contactAttempts, dateField: 'createdAt', ownerField: 'workflowId', accountOf: sameAccount },
    calls: { model: models.calls, dateField: 'startedAt', ownerField: 'debtorWorkflowId', accountOf: sameAccount },
    callTurns: { model: models.callTurns, dateField: 'at', ownerField: 'callWorkflowId', accountOf: accountOfCall },
    // The audit log's only delete path: the oldest entries of a chain go first, which its verifier accepts.
    auditEvents: { model: models.auditEvents, dateField: 'at', ownerField: 'workflowId', accountOf: sameAccount },
    humanTasks: { model: models.humanTasks, dateField: 'resolvedAt', ownerField: 'workflowId', accountOf: sameAccount, finished: { status: 'resolved' } },
    speechClips: { model: models.speechClips, dateField: 'createdAt', ownerField: 'key', accountOf: accountOfCall },
    surveyAnswers: { model: models.surveyAnswers, dateField: 'answeredAt', ownerField: 'workflowId', accountOf: sameAccount },
  };

  return {
    /**
     * Deletes the records of `kind` dated before `cutoff`, except those of accounts `held` names
     * (given account workflow ids, it answers the ones whose records must stay). Returns how many went.
     */
    async deleteExpired(kind: RetainedRecords, cutoff: Date, held: (accounts: string[]) => Promise<string[]>): Promise<number> {
      const { model, dateField, ownerField, accountOf, finished = {} } = kinds[kind];
      const expired = { ...finished, [dateField]: before(cutoff) };
      const kept = new Set<string>();
      let deleted = 0;
      for (;;) {
        const notKept = kept.size > 0 ? { [ownerField]: mongoose.trusted({ $nin: [...kept] }) } : {};
        const batch: Array<Record<string, string>> = await model.find({ ...expired, ...notKept }).select({ [ownerField]: 1 }).limit(ownersPerRound).lean();
        if (batch.length === 0) return deleted;
        const owners = [...new Set(batch.map((record) => record[ownerField]))];
        const heldAccounts = new Set(await held([...new Set(owners.map(accountOf))]));
        const free = owners.filter((owner) => !heldAccounts.has(accountOf(owner)));
        for (const owner of owners) if (heldAccounts.has(accountOf(owner))) kept.add(owner);
        if (free.length > 0) deleted += (await model.deleteMany({ ...expired, [ownerField]: mongoose.trusted({ $in: free }) })).deletedCount;
      }
    },

    /**
     * Of these accounts, the debtors whose records Regulation F still holds: those not closed, and
     * those closed (last touched) on or after `cutoff`.
     */
    async debtorsHeldAfter(accounts: string[], cutoff: Date, terminal: readonly string[]): Promise<string[]> {
      const held = await models.debtors
        .find({
          workflowId: mongoose.trusted({ $in: accounts }),
          $or: [{ status: mongoose.trusted({ $nin: [...terminal] }) }, { updatedAt: mongoose.trusted({ $gte: cutoff }) }],
        })
        .select({ workflowId: 1 })
        .lean();
      return held.map((debtor) => debtor.workflowId);
    },
  };
}
