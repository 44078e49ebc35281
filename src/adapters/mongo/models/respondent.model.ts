import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/**
 * One respondent of one survey, as imported, plus a mirror of what their workflow has seen
 * (invited, consented, sessions, completed) for the results and listings. The workflow is the
 * source of truth; the mirror follows it.
 */
const respondentSchema = new Schema(
  {
    workflowId: { type: String, required: true, unique: true },
    surveyId: { type: String, required: true },
    respondentRef: { type: String, required: true },
    phone: { type: String, required: true },
    timeZone: { type: String, required: true },
    language: { type: String, required: true },
    firstName: { type: String },
    hidden: { type: Schema.Types.Mixed, default: {} },
    artificialVoiceConsent: { type: Boolean, required: true, default: false },
    /** The survey version the respondent was imported on; answers carry the version they were given under. */
    surveyVersion: { type: Number, required: true },
    importedAt: { type: Date, required: true },
    status: { type: String, required: true },
    invitedAt: { type: Date },
    consentedAt: { type: Date },
    completedAt: { type: Date },
    sessions: { type: [{ _id: false, channel: { type: String, required: true }, startedAt: { type: Date, required: true } }], default: [] },
    nextContactAt: { type: Date },
    nextContactReason: { type: String },
    updatedAt: { type: Date, required: true },
    /** When a text after the survey closed was answered with "the survey has closed" (once per respondent). */
    closedReplySentAt: { type: Date },
    /** When the person's data was erased on request (src/use-cases/erasure.ts): the number reads '[erased]'. */
    erasedAt: { type: Date },
  },
  { collection: 'respondents', versionKey: false, minimize: false },
);
respondentSchema.index({ surveyId: 1, respondentRef: 1 }, { unique: true });
respondentSchema.index({ surveyId: 1, status: 1 });
respondentSchema.index({ phone: 1 });

export type RespondentDoc = InferSchemaType<typeof respondentSchema>;

export function respondentModel(connection: Connection): Model<RespondentDoc> {
  return connection.model<RespondentDoc>('Respondent', respondentSchema);
}
