import mongoose, { type Model } from 'mongoose';
import type { CallDoc, CallTurnDoc } from '../models/call.model';

export type CallTurnEntry = Omit<CallTurnDoc, 'at'>;

export interface CallRecordUpdate {
  callWorkflowId: string;
  attemptKey: string;
  debtorWorkflowId: string;
  campaignId: string;
  callSid?: string;
  status?: string;
  answeredBy?: string;
  outcome?: unknown;
  escalationSummary?: string;
  /** True once the call is over: its end time is set now. */
  ended: boolean;
}

/** Calls and their turns; the texts arrive redacted (src/policy/redaction.ts). */
export function createCallRepository(models: { calls: Model<CallDoc>; callTurns: Model<CallTurnDoc> }) {
  const { calls, callTurns } = models;
  return {
    /** Written once per (call, seq): a retried turn adds nothing. */
    async recordTurn(turn: CallTurnEntry): Promise<void> {
      await callTurns.updateOne({ callWorkflowId: turn.callWorkflowId, seq: turn.seq }, { $setOnInsert: { ...turn, at: new Date() } }, { upsert: true });
    },

    /** Creates the call's record on its first save (its start time), and updates it after. */
    async save(record: CallRecordUpdate): Promise<void> {
      const { ended, ...fields } = record;
      const now = new Date();
      await calls.updateOne(
        { callWorkflowId: record.callWorkflowId },
        { $set: { ...fields, ...(ended ? { endedAt: now } : {}) }, $setOnInsert: { startedAt: now } },
        { upsert: true },
      );
    },

    /** A campaign's calls that ended at or after `since`, with their outcomes. */
    endedSince: (campaignId: string, since: Date) =>
      // trusted: our own operator on a Date; sanitizeFilter would make it a literal.
      calls.find({ campaignId, endedAt: mongoose.trusted({ $gte: since }) }).select({ callWorkflowId: 1, outcome: 1 }).lean(),
  };
}
