import mongoose, { type Model } from 'mongoose';
import type { CampaignStateDoc, CampaignVersionDoc } from '../models/campaign.model';
import type { DebtorDoc } from '../models/debtor.model';
import type { RespondentDoc } from '../models/respondent.model';

/** Collections campaigns and surveys share one store and one id space; a document's kind tells them apart. */
export type OutreachKind = 'campaign' | 'survey';

export interface OutreachRow {
  campaignId: string;
  name: string;
  latestVersion: number;
  paused: boolean;
  updatedAt: Date;
}

export interface VersionRow {
  version: number;
  name: string;
  createdAt: Date;
  appliedBy?: string | null;
}

// trusted(): our own operators on values the callers validated; sanitizeFilter would quote them.
const kindFilter = (kind: OutreachKind) => ({ 'document.kind': kind === 'survey' ? 'survey' : mongoose.trusted({ $ne: 'survey' }) });
const idAfter = (campaignId: string | undefined) => (campaignId === undefined ? {} : { campaignId: mongoose.trusted({ $gt: campaignId }) });
const versionBelow = (version: number | undefined) => (version === undefined ? {} : { version: mongoose.trusted({ $lt: version }) });

/** The outreach documents as lists for people reading them: by kind, their versions, their people's counts. */
export function createOutreachListRepository(models: {
  campaignVersions: Model<CampaignVersionDoc>;
  campaigns: Model<CampaignStateDoc>;
  debtors: Model<DebtorDoc>;
  respondents: Model<RespondentDoc>;
}) {
  const { campaignVersions: versions, campaigns: states } = models;
  return {
    /**
     * Up to `limit` documents of one kind in id order after `after`, each with its state and its
     * latest version's name. Every version of an id has one kind, so the first versions list them.
     */
    async page(kind: OutreachKind, query: { after?: string; limit: number }): Promise<OutreachRow[]> {
      const firsts = await versions
        .find({ version: 1, ...kindFilter(kind), ...idAfter(query.after) })
        .sort({ campaignId: 1 })
        .limit(query.limit)
        .select({ campaignId: 1 })
        .lean();
      const rows = await Promise.all(
        firsts.map(async ({ campaignId }) => {
          const state = await states.findOne({ campaignId }).lean();
          if (!state) return undefined;
          const latest = await versions.findOne({ campaignId, version: state.latestVersion }).select({ name: 1 }).lean();
          return { campaignId, name: latest?.name ?? campaignId, latestVersion: state.latestVersion, paused: state.paused, updatedAt: state.updatedAt };
        }),
      );
      return rows.filter((row) => row !== undefined);
    },

    /** The kind of the document with this id (every version of an id has one kind); undefined when none was applied. */
    async kindOf(campaignId: string): Promise<OutreachKind | undefined> {
      const first = await versions.findOne({ campaignId, version: 1 }).select({ 'document.kind': 1 }).lean();
      if (!first) return undefined;
      return (first.document as { kind?: string } | undefined)?.kind === 'survey' ? 'survey' : 'campaign';
    },

    /** Up to `limit` versions of a document, newest first, below `before`; without the documents themselves. */
    versions: (campaignId: string, query: { before?: number; limit: number }): Promise<VersionRow[]> =>
      versions
        .find({ campaignId, ...versionBelow(query.before) })
        .sort({ version: -1 })
        .limit(query.limit)
        .select({ _id: 0, version: 1, name: 1, createdAt: 1, appliedBy: 1 })
        .lean(),

    /** How many people a campaign (its debtors) or a survey (its respondents) has; `running`: not in one of the `ended` statuses. */
    async people(kind: OutreachKind, campaignId: string, ended: readonly string[]): Promise<{ total: number; running: number }> {
      const count = (filter: object) =>
        kind === 'campaign' ? models.debtors.countDocuments({ campaignId, ...filter }) : models.respondents.countDocuments({ surveyId: campaignId, ...filter });
      const [total, running] = await Promise.all([count({}), count({ status: mongoose.trusted({ $nin: [...ended] }) })]);
      return { total, running };
    },
  };
}
