import type { Model } from 'mongoose';
import type { CampaignStateDoc, CampaignVersionDoc } from '../models/campaign.model';
import { isDuplicateKeyError } from '../duplicate-key';

/** Campaigns: immutable versions (campaign_versions) and one running state per campaign (campaigns). */
export function createCampaignRepository(models: { campaignVersions: Model<CampaignVersionDoc>; campaigns: Model<CampaignStateDoc> }) {
  const { campaignVersions: versions, campaigns: states } = models;
  return {
    /** The campaign's running state (latest version, paused); null when no version was ever applied. */
    state: (campaignId: string) => states.findOne({ campaignId }).lean(),

    /** Whether the campaign's flag says paused; false for a campaign without a state. */
    async isPaused(campaignId: string): Promise<boolean> {
      return (await states.findOne({ campaignId }).select({ paused: 1 }).lean())?.paused === true;
    },

    /** Whether the campaign is paused, and who paused it when that was recorded. */
    async pauseOf(campaignId: string): Promise<{ paused: boolean; pausedBy?: string }> {
      const state = await states.findOne({ campaignId }).select({ paused: 1, pausedBy: 1 }).lean();
      return { paused: state?.paused === true, ...(state?.pausedBy ? { pausedBy: state.pausedBy } : {}) };
    },

    version: (campaignId: string, version: number) => versions.findOne({ campaignId, version }).lean(),

    /** The highest version stored, whatever the state document says yet. */
    highestVersion: (campaignId: string) => versions.findOne({ campaignId }).sort({ version: -1 }).lean(),

    /** True when written; false when the unique (campaignId, version) index says another apply took that number. */
    async insertVersion(version: Omit<CampaignVersionDoc, 'createdAt'>): Promise<boolean> {
      try {
        await versions.create({ ...version, createdAt: new Date() });
        return true;
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
        return false;
      }
    },

    /** Points the state at `version`, creating it (not paused) for a first version. */
    async advanceLatestVersion(campaignId: string, version: number): Promise<void> {
      await states.updateOne(
        { campaignId },
        // $max: a slower concurrent apply of an older version never moves the campaign back.
        { $max: { latestVersion: version }, $set: { updatedAt: new Date() }, $setOnInsert: { paused: false } },
        { upsert: true },
      );
    },

    /** `actor`: who paused it, kept while it stays paused (a held contact's audit entry names them). */
    async setPaused(campaignId: string, paused: boolean, actor?: string): Promise<void> {
      const set = { paused, updatedAt: new Date() };
      await states.updateOne({ campaignId }, paused && actor ? { $set: { ...set, pausedBy: actor } } : { $set: set, $unset: { pausedBy: 1 } });
    },
  };
}
