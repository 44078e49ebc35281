import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/**
 * One debtor account in one campaign, as imported, plus a mirror of its workflow's status for
 * listing and reporting. The workflow is the source of truth; the mirror follows it.
 */
const debtorSchema = new Schema(
  {
    workflowId: { type: String, required: true, unique: true },
    campaignId: { type: String, required: true },
    accountRef: { type: String, required: true },
    fullName: { type: String, required: true },
    firstName: { type: String, required: true },
    phone: { type: String, required: true },
    timeZone: { type: String, required: true },
    language: { type: String, required: true },
    currency: { type: String, required: true },
    amountDueMinor: { type: Number, required: true, min: 0 },
    dueDate: { type: String, required: true },
    birthYear: { type: Number },
    zip: { type: String },
    segmentData: { type: Schema.Types.Mixed, default: {} },
    artificialVoiceConsent: { type: Boolean, required: true, default: false },
    importedAt: { type: Date, required: true },
    status: { type: String, required: true },
    balanceMinor: { type: Number, required: true },
    nextContactAt: { type: Date },
    nextContactReason: { type: String },
    updatedAt: { type: Date, required: true },
    /** When the person's data was erased on request (src/use-cases/erasure.ts): the name and number read '[erased]'. */
    erasedAt: { type: Date },
  },
  { collection: 'debtors', versionKey: false, minimize: false },
);
debtorSchema.index({ campaignId: 1, accountRef: 1 }, { unique: true });
debtorSchema.index({ campaignId: 1, status: 1 });
debtorSchema.index({ phone: 1 });

export type DebtorDoc = InferSchemaType<typeof debtorSchema>;

export function debtorModel(connection: Connection): Model<DebtorDoc> {
  return connection.model<DebtorDoc>('Debtor', debtorSchema);
}
