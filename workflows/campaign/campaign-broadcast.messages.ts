import { defineQuery } from '@temporalio/workflow';

// What a campaign-wide change tells every running debtor workflow of the campaign, and how far
// the telling got. The gateway starts the broadcast; the workflow and its activities import this.

/** A campaign-wide change each running debtor hears of. */
/** `actor`: who paused or resumed the campaign, for each person's audit log. */
export type CampaignNotice = { kind: 'pause'; reason: string; actor?: string } | { kind: 'resume'; actor?: string } | { kind: 'version'; version: number };

export interface BroadcastProgress {
  /** Debtor workflows that took the notice. */
  updated: number;
  /** Debtor workflows that refused it (not paused, say) or had ended since their status was mirrored. */
  skipped: number;
  done: boolean;
  /** A pause or resume stopped because a newer one replaced it (the campaign's flag changed). */
  superseded?: boolean;
}

export interface CampaignBroadcastInput {
  campaignId: string;
  notice: CampaignNotice;
  /** Debtors per page, and pages per run before the history starts afresh (continue-as-new). */
  pageSize?: number;
  pagesPerRun?: number;
  /** Carried across continue-as-new: the last account told, and the counts so far. */
  after?: string;
  progress?: BroadcastProgress;
}

/** The latest broadcast of each kind a campaign had: pause (or resume), and version. */
export type CampaignBroadcasts = Partial<Record<'pause' | 'version', BroadcastProgress & { workflowId: string }>>;

export const broadcastProgressQuery = defineQuery<BroadcastProgress>('broadcastProgress');
