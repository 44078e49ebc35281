import mongoose, { type Model } from 'mongoose';
import type { DebtorDoc } from '../models/debtor.model';
import { storeOnceUnder } from '../duplicate-key';

export type DebtorRecord = DebtorDoc;

/** What an import stores for a new account: the profile, and the workflow that will run it. */
export type NewDebtor = Omit<DebtorDoc, 'importedAt' | 'status' | 'balanceMinor' | 'updatedAt' | 'nextContactAt' | 'nextContactReason'>;

/** The status mirror a debtor workflow keeps of itself, for listing and reporting. */
export interface DebtorStatusMirror {
  workflowId: string;
  status: string;
  balanceMinor: number;
  nextContactAt?: number;
  nextContactReason?: string;
}

/** Statuses a workflow never leaves: its account takes no more messages. */
type TerminalStatuses = readonly string[];

// trusted(): the operators below are our own, on values the callers validated; sanitizeFilter
// would otherwise turn them into literal values.
const after = (accountRef: string | undefined) => (accountRef !== undefined ? { accountRef: mongoose.trusted({ $gt: accountRef }) } : {});
const notIn = (statuses: TerminalStatuses) => mongoose.trusted({ $nin: [...statuses] });

export function createDebtorRepository(debtors: Model<DebtorDoc>) {
  return {
    byAccount: (campaignId: string, accountRef: string) => debtors.findOne({ campaignId, accountRef }).lean(),

    byWorkflowId: (workflowId: string) => debtors.findOne({ workflowId }).lean(),

    /**
     * The account's document, written only if the account is new: a repeated row keeps the first
     * import's data. Two rows of one account written at the same moment both get the stored one.
     */
    async storeOnce(debtor: NewDebtor): Promise<DebtorRecord> {
      const now = new Date();
      return storeOnceUnder(debtors, { campaignId: debtor.campaignId, accountRef: debtor.accountRef }, { ...debtor, importedAt: now, status: 'contacting', balanceMinor: debtor.amountDueMinor, updatedAt: now });
    },

    /** Up to `limit` of a campaign's debtors in account order after `afterAccountRef`, optionally of one status. */
    page: (campaignId: string, query: { status?: string; afterAccountRef?: string; limit: number }) =>
      debtors
        .find({ campaignId, ...(query.status ? { status: query.status } : {}), ...after(query.afterAccountRef) })
        .sort({ accountRef: 1 })
        .limit(query.limit)
        .lean(),

    /** The workflow ids of a campaign's debtors not in a terminal status, in account order after `afterAccountRef`. */
    runningPage: (campaignId: string, terminal: TerminalStatuses, query: { afterAccountRef?: string; limit: number }) =>
      debtors
        .find({ campaignId, status: notIn(terminal), ...after(query.afterAccountRef) })
        .sort({ accountRef: 1 })
        .limit(query.limit)
        .select({ workflowId: 1, accountRef: 1 })
        .lean(),

    /** The open accounts on a phone number, across campaigns. */
    runningOnPhone: (phone: string, terminal: TerminalStatuses) =>
      debtors.find({ phone, status: notIn(terminal) }).select({ workflowId: 1, campaignId: 1, language: 1 }).lean(),

    /** Every debtor of a campaign with its mirrored status (the demo's progress lines). */
    statuses: (campaignId: string) => debtors.find({ campaignId }).select({ phone: 1, status: 1, balanceMinor: 1, nextContactReason: 1 }).lean(),

    async saveStatus(mirror: DebtorStatusMirror): Promise<void> {
      await debtors.updateOne(
        { workflowId: mirror.workflowId },
        {
          $set: {
            status: mirror.status,
            balanceMinor: mirror.balanceMinor,
            nextContactAt: mirror.nextContactAt === undefined ? null : new Date(mirror.nextContactAt),
            nextContactReason: mirror.nextContactReason ?? null,
            updatedAt: new Date(),
          },
        },
      );
    },
  };
}
