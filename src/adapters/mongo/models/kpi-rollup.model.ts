import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/**
 * KPI counters per campaign (or survey), version, UTC hour and dimensions, added to as the facts
 * are recorded: a dashboard reads (hours × dimension combinations) small documents instead of
 * scanning the audit log (src/kpi/kpi-facts.ts says which event adds what).
 */
const kpiRollupSchema = new Schema(
  {
    scope: { type: String, required: true, enum: ['collections', 'survey'] },
    campaignId: { type: String, required: true },
    campaignVersion: { type: Number, required: true },
    /** The first instant of the UTC hour. */
    hour: { type: Date, required: true },
    strategy: { type: String, required: true },
    segment: { type: String, required: true },
    language: { type: String, required: true },
    channel: { type: String, required: true },
    /** Fact name → count; survey answers per question under `answered.<question id>`. */
    counts: { type: Schema.Types.Mixed, default: {} },
  },
  { collection: 'kpi_rollups', versionKey: false, minimize: false },
);
kpiRollupSchema.index({ scope: 1, campaignId: 1, hour: 1, campaignVersion: 1, strategy: 1, segment: 1, language: 1, channel: 1 }, { unique: true });
kpiRollupSchema.index({ scope: 1, hour: 1 });

/** The dimensions a debtor account's facts are counted under, noted when its work begins. */
const kpiAccountSchema = new Schema(
  {
    workflowId: { type: String, required: true, unique: true },
    strategy: { type: String, required: true },
    segment: { type: String, required: true },
    language: { type: String, required: true },
  },
  { collection: 'kpi_accounts', versionKey: false },
);

/**
 * One writer at a time per rollup document: FerretDB applies concurrent `$inc`s to one document
 * as read-modify-writes and loses some, so an addition first inserts its key here (the unique
 * index lets one writer in) and removes it after. A lock whose writer died expires.
 */
const kpiRollupLockSchema = new Schema(
  {
    key: { type: String, required: true, unique: true },
    token: { type: String, required: true },
    until: { type: Date, required: true },
  },
  { collection: 'kpi_rollup_locks', versionKey: false },
);

export type KpiRollupDoc = InferSchemaType<typeof kpiRollupSchema>;
export type KpiAccountDoc = InferSchemaType<typeof kpiAccountSchema>;

export function kpiRollupModel(connection: Connection): Model<KpiRollupDoc> {
  return connection.model<KpiRollupDoc>('KpiRollup', kpiRollupSchema);
}

export type KpiRollupLockDoc = InferSchemaType<typeof kpiRollupLockSchema>;

export function kpiRollupLockModel(connection: Connection): Model<KpiRollupLockDoc> {
  return connection.model<KpiRollupLockDoc>('KpiRollupLock', kpiRollupLockSchema);
}

export function kpiAccountModel(connection: Connection): Model<KpiAccountDoc> {
  return connection.model<KpiAccountDoc>('KpiAccount', kpiAccountSchema);
}
