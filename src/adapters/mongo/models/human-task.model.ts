import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/** Work for a person: a dispute, a cease request, a distressed debtor, an exhausted cadence, a call handed over. */
const humanTaskSchema = new Schema(
  {
    taskId: { type: String, required: true, unique: true },
    workflowId: { type: String, required: true },
    campaignId: { type: String, required: true },
    reason: { type: String, required: true },
    summary: { type: String, required: true },
    /** A call handed to a person: the call, and its turns so far (redacted), for the agent who takes it. */
    callWorkflowId: { type: String },
    transcript: { type: [{ _id: false, heard: String, said: String }], default: undefined },
    status: { type: String, required: true, enum: ['open', 'resolved'] },
    openedAt: { type: Date, required: true },
    resolvedAt: { type: Date },
    resolution: { type: Schema.Types.Mixed },
    /**
     * Agents' claims, releases and resolutions through the queue, in order: who and when. Kept here
     * because the audit log holds only what the workflow wrote (`parley audit verify` checks it
     * against the history); the workflow logs the resolution itself as well.
     */
    agentActions: {
      type: [{ _id: false, action: { type: String, enum: ['claimed', 'released', 'resolved'] }, by: String, at: Date, outcome: String }],
      default: undefined,
    },
  },
  { collection: 'human_tasks', versionKey: false },
);
humanTaskSchema.index({ status: 1, openedAt: 1 });

export type HumanTaskDoc = InferSchemaType<typeof humanTaskSchema>;

export function humanTaskModel(connection: Connection): Model<HumanTaskDoc> {
  return connection.model<HumanTaskDoc>('HumanTask', humanTaskSchema);
}
