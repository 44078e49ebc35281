import { Schema, type Connection, type Model } from 'mongoose';

/**
 * One erasure request carried out: whose (by reference, never by name or number), who asked, what
 * was erased and what was kept and why. It holds no personal data, so it is kept for good: it is
 * the proof that the request was honoured.
 */
const erasureSchema = new Schema(
  {
    erasureId: { type: String, required: true, unique: true },
    subject: {
      kind: { type: String, required: true, enum: ['debtor', 'respondent'] },
      workflowId: { type: String, required: true },
      /** The campaign or survey. */
      groupId: { type: String, required: true },
      ref: { type: String, required: true },
    },
    requestedBy: { type: String, required: true },
    reason: { type: String, required: true },
    at: { type: Date, required: true },
    erased: { type: [{ _id: false, what: String, records: Number }], default: [] },
    kept: { type: [{ _id: false, what: String, why: String, until: String }], default: [] },
  },
  { collection: 'erasures', versionKey: false },
);
erasureSchema.index({ 'subject.workflowId': 1, at: 1 });

// Written out, not inferred: mongoose infers the arrays of subdocuments as its own array classes.
export interface ErasureDoc {
  erasureId: string;
  subject: { kind: 'debtor' | 'respondent'; workflowId: string; groupId: string; ref: string };
  requestedBy: string;
  reason: string;
  at: Date;
  erased: Array<{ what: string; records: number }>;
  kept: Array<{ what: string; why: string; until?: string }>;
}

export function erasureModel(connection: Connection): Model<ErasureDoc> {
  return connection.model<ErasureDoc>('Erasure', erasureSchema);
}
