import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/**
 * The append-only audit log: what happened to whom, under which campaign version. Written with
 * $setOnInsert under a unique key, so a retried activity adds nothing and changes nothing.
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
  },
  { collection: 'audit_events', versionKey: false, minimize: false },
);
auditEventSchema.index({ workflowId: 1, at: 1 });
auditEventSchema.index({ workflowId: 1, occurredAt: 1 });

export type AuditEventDoc = InferSchemaType<typeof auditEventSchema>;

export function auditEventModel(connection: Connection): Model<AuditEventDoc> {
  return connection.model<AuditEventDoc>('AuditEvent', auditEventSchema);
}
