import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/**
 * One answer of one respondent to one question (or to its probe), as the conversation took it:
 * the redacted utterance beside the parsed value. Keyed, so a retried write stores it once.
 */
const surveyAnswerSchema = new Schema(
  {
    answerKey: { type: String, required: true, unique: true },
    workflowId: { type: String, required: true },
    surveyId: { type: String, required: true },
    surveyVersion: { type: Number, required: true },
    questionId: { type: String, required: true },
    part: { type: String, required: true, enum: ['answer', 'probe'] },
    outcome: { type: String, required: true },
    value: { type: Schema.Types.Mixed, default: null },
    utterance: { type: String, default: '' },
    confidence: { type: Number, required: true },
    confirmed: { type: Boolean, required: true },
    early: { type: Boolean, required: true },
    channel: { type: String, required: true },
    language: { type: String, required: true },
    elapsedMs: { type: Number, default: null },
    reasks: { type: Number, required: true },
    answeredAt: { type: Date, required: true },
  },
  { collection: 'survey_answers', versionKey: false, minimize: false },
);
surveyAnswerSchema.index({ surveyId: 1, workflowId: 1, answeredAt: 1 });

export type SurveyAnswerDoc = InferSchemaType<typeof surveyAnswerSchema>;

export function surveyAnswerModel(connection: Connection): Model<SurveyAnswerDoc> {
  return connection.model<SurveyAnswerDoc>('SurveyAnswer', surveyAnswerSchema);
}
