import { setTimeout as sleep } from 'node:timers/promises';
import mongoose, { type Model } from 'mongoose';
import type { AuditEventDoc } from '../models/audit-event.model';
import { isDuplicateKeyError } from '../duplicate-key';
import { chainedEntry } from '../../../audit/audit-chain';
import type { AuditContent, StoredAuditEntry } from '../../../audit/audit-entry';

/** How often an append reads the chain's end again after another writer took the position it wanted. */
const appendRounds = 50;

/**
 * The append-only audit log. There is deliberately no update or delete here: an entry is inserted
 * once and never changed, and its hash chain makes any change made behind the code's back visible
 * to `parley audit verify`.
 */
export function createAuditRepository(auditEvents: Model<AuditEventDoc>) {
  const stored = (eventKey: string) => auditEvents.exists({ eventKey });
  const chainEnd = (workflowId: string) =>
    auditEvents.findOne({ workflowId }).sort({ chainSeq: -1 }).select({ chainSeq: 1, hash: 1 }).lean<{ chainSeq?: number; hash?: string }>();

  return {
    /**
     * Appends to the end of the subject's chain, once per eventKey: a retried activity adds
     * nothing. Concurrent appends for one subject race for the next position under the unique
     * (workflowId, chainSeq) index; the loser reads the new end and tries again. No transaction:
     * FerretDB has none, and the unique indexes alone keep the chain whole. True when this call
     * wrote the entry; false when it was stored already.
     */
    async append(content: AuditContent): Promise<boolean> {
      for (let round = 0; round < appendRounds; round++) {
        if (await stored(content.eventKey)) return false;
        const end = await chainEnd(content.workflowId);
        const previous = end?.chainSeq !== undefined && end.hash !== undefined ? { chainSeq: end.chainSeq, hash: end.hash } : undefined;
        try {
          await auditEvents.create(chainedEntry(content, new Date(), previous));
          return true;
        } catch (err) {
          if (!isDuplicateKeyError(err)) throw err;
          // Spread the losers out a little, so they do not all read the same end again at once.
          await sleep(Math.random() * 5 * (round + 1));
        }
      }
      throw new Error(`audit log of ${content.workflowId}: no free position after ${appendRounds} tries (too many concurrent writers)`);
    },

    /** A campaign's entries of the given types, as the experiment results read them (no order). */
    ofTypes: (campaignId: string, types: readonly string[]) =>
      auditEvents
        // trusted(): our own operator on a list of the code's own types; sanitizeFilter would quote it.
        .find({ campaignId, type: mongoose.trusted({ $in: [...types] }) })
        .select({ _id: 0, workflowId: 1, type: 1, data: 1 })
        .lean<Array<{ workflowId: string; type: string; data: Record<string, unknown> }>>(),

    /** Every stored entry of one subject, in chain order, exactly as stored (for `audit verify`). */
    chainOf: (workflowId: string) => auditEvents.find({ workflowId }).sort({ chainSeq: 1 }).lean<StoredAuditEntry[]>(),
  };
}
