import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/**
 * One outbound call and its turns. Transcripts live here, not in workflow payloads (Temporal's
 * 2 MB payload limit, and an auditor reads them without replaying). Every text is redacted
 * (src/policy/redaction.ts) before it is written.
 */
const callSchema = new Schema(
  {
    callWorkflowId: { type: String, required: true, unique: true },
    attemptKey: { type: String, required: true },
    debtorWorkflowId: { type: String, required: true },
    campaignId: { type: String, required: true },
    callSid: { type: String },
    status: { type: String },
    answeredBy: { type: String },
    outcome: { type: Schema.Types.Mixed },
    /** The agent's whisper and the human task's summary, when the call was handed to a person. */
    escalationSummary: { type: String },
    startedAt: { type: Date, required: true },
    endedAt: { type: Date },
  },
  { collection: 'calls', versionKey: false, minimize: false },
);
callSchema.index({ debtorWorkflowId: 1, startedAt: 1 });

const callTurnSchema = new Schema(
  {
    callWorkflowId: { type: String, required: true },
    seq: { type: Number, required: true },
    state: { type: String, required: true },
    heard: { type: String, required: true, default: '' },
    asrConfidence: { type: Number },
    digits: { type: String },
    said: { type: String, required: true },
    intent: { type: String, required: true },
    entities: { type: Schema.Types.Mixed, default: {} },
    sentiment: { type: Number, required: true },
    confidence: { type: Number, required: true },
    nextState: { type: String, required: true },
    /** rules, llm, llm-cached, rules-fallback (the LLM failed or its turn was refused), or faq (answered from the campaign's FAQ). */
    engine: { type: String, required: true },
    violations: { type: [String], default: [] },
    /** The campaign FAQ entry the turn answered, and the call's language. */
    faq: { type: new Schema({ id: { type: String, required: true }, language: { type: String, required: true } }, { _id: false }), required: false },
    /** Milliseconds per stage: listen (own recogniser), decide (engine), speak (own voice), total (webhook in the workflow to TwiML). */
    latencyMs: { type: Schema.Types.Mixed, default: {} },
    at: { type: Date, required: true },
  },
  { collection: 'call_turns', versionKey: false, minimize: false },
);
callTurnSchema.index({ callWorkflowId: 1, seq: 1 }, { unique: true });
callTurnSchema.index({ at: 1 });

export type CallDoc = InferSchemaType<typeof callSchema>;
export type CallTurnDoc = InferSchemaType<typeof callTurnSchema>;

export function callModel(connection: Connection): Model<CallDoc> {
  return connection.model<CallDoc>('Call', callSchema);
}

export function callTurnModel(connection: Connection): Model<CallTurnDoc> {
  return connection.model<CallTurnDoc>('CallTurn', callTurnSchema);
}
