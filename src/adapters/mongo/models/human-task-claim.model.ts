import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/**
 * Who holds an open human task. The unique taskId is the lock: two agents claiming at once both
 * insert, and the database lets exactly one in (FerretDB has no transactions, so a read-then-write
 * check would let both through). Releasing or resolving the task deletes the document.
 */
const humanTaskClaimSchema = new Schema(
  {
    taskId: { type: String, required: true, unique: true },
    /** The agent's actor name (`key:<name>` or `oidc:<subject>`). */
    agent: { type: String, required: true },
    claimedAt: { type: Date, required: true },
  },
  { collection: 'human_task_claims', versionKey: false },
);

export type HumanTaskClaimDoc = InferSchemaType<typeof humanTaskClaimSchema>;

export function humanTaskClaimModel(connection: Connection): Model<HumanTaskClaimDoc> {
  return connection.model<HumanTaskClaimDoc>('HumanTaskClaim', humanTaskClaimSchema);
}
