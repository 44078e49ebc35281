import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/** One end-to-end self-check run (`parley doctor`): proves a worker wrote through to the database. */
const selfCheckSchema = new Schema(
  {
    checkId: { type: String, required: true, unique: true },
    workflowId: { type: String, required: true },
    requestedBy: { type: String, required: true },
    writtenAt: { type: Date, required: true },
  },
  { collection: 'self_checks', versionKey: false },
);

export type SelfCheck = InferSchemaType<typeof selfCheckSchema>;

export function selfCheckModel(connection: Connection): Model<SelfCheck> {
  return connection.model<SelfCheck>('SelfCheck', selfCheckSchema);
}
