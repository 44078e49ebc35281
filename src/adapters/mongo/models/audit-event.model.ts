import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/**
 * The append-only audit log: what happened to whom, under which campaign version. Each subject's
 * entries (one workflow id's) form a hash chain (src/audit/audit-chain.ts): `chainSeq` numbers
 * them in the order they were stored, `prevHash` links each to the one before, and `hash` covers
 * both and the entry's content. Nothing here or in the repository updates or deletes an entry
 * (test/unit/audit-log-append-only.test.ts holds that).
 */
const auditEventSchema = new Schema(
  {
    eventKey: { type: String, required: true, unique: true },
    workflowId: { type: String, required: true },
    campaignId: { type: String, required: true },
    campaignVersion: { type: Number, required: true },
    type: { type: String, required: true },
    /** When it was written. */
    at: { type: Date, required: true },
    /** When it happened, in the workflow's own time (a call's entry: when it was placed); what a timeline orders by. */
    occurredAt: { type: Date },
    data: { type: Schema.Types.Mixed, default: {} },
    chainSeq: { type: Number, required: true },
    prevHash: { type: String, required: true },
    hash: { type: String, required: true },
  },
  { collection: 'audit_events', versionKey: false, minimize: false },
);
auditEventSchema.index({ workflowId: 1, at: 1 });
// Two writers that read the same last entry both try the next position: one wins, the other reads again.
auditEventSchema.index({ workflowId: 1, chainSeq: 1 }, { unique: true });
auditEventSchema.index({ workflowId: 1, occurredAt: 1 });
// The experiment results read a campaign's entries of a few types.
auditEventSchema.index({ campaignId: 1, type: 1 });

export type AuditEventDoc = InferSchemaType<typeof auditEventSchema>;

export function auditEventModel(connection: Connection): Model<AuditEventDoc> {
  return connection.model<AuditEventDoc>('AuditEvent', auditEventSchema);
}
