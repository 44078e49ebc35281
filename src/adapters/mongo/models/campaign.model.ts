import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/** Every version of every campaign document; a version is never changed once written. */
const campaignVersionSchema = new Schema(
  {
    campaignId: { type: String, required: true },
    version: { type: Number, required: true, min: 1 },
    name: { type: String, required: true },
    document: { type: Schema.Types.Mixed, required: true },
    createdAt: { type: Date, required: true },
    /** Who applied it (an API key's name, a token's subject); absent on versions from before keys. */
    appliedBy: { type: String },
  },
  { collection: 'campaign_versions', versionKey: false, minimize: false },
);
campaignVersionSchema.index({ campaignId: 1, version: 1 }, { unique: true });

/** A campaign's running state (paused or not), apart from its immutable versions. */
const campaignStateSchema = new Schema(
  {
    campaignId: { type: String, required: true, unique: true },
    latestVersion: { type: Number, required: true },
    paused: { type: Boolean, required: true, default: false },
    /** Who paused the campaign (an API key's name, a token's subject), while it is paused. */
    pausedBy: { type: String },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'campaigns', versionKey: false },
);

export type CampaignVersionDoc = InferSchemaType<typeof campaignVersionSchema>;
export type CampaignStateDoc = InferSchemaType<typeof campaignStateSchema>;

export function campaignVersionModel(connection: Connection): Model<CampaignVersionDoc> {
  return connection.model<CampaignVersionDoc>('CampaignVersion', campaignVersionSchema);
}
export function campaignStateModel(connection: Connection): Model<CampaignStateDoc> {
  return connection.model<CampaignStateDoc>('Campaign', campaignStateSchema);
}
