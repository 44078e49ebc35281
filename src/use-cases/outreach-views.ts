import type { DocumentChange } from '../campaigns/document-diff';
import type { CampaignBroadcasts } from '../../workflows/campaign/campaign-broadcast.messages';

// What the lists of campaigns and surveys answer (src/use-cases/outreach-lists.ts); the console
// reads the same shapes, with their times as ISO text.

/** Everyone imported (debtors of a campaign, respondents of a survey), and those whose workflow has not ended. */
export interface People {
  total: number;
  running: number;
}

export interface OutreachSummary {
  id: string;
  name: string;
  latestVersion: number;
  paused: boolean;
  updatedAt: Date;
  people: People;
}

export interface OutreachPage {
  items: OutreachSummary[];
  /** The `after` of the next page, when there is one. */
  next?: string;
}

export interface VersionHistory {
  id: string;
  latestVersion: number;
  versions: Array<{ version: number; name: string; createdAt: Date; appliedBy?: string }>;
  /** The `before` of the next (older) page, when there is one. */
  next?: number;
}

export interface VersionDiff {
  id: string;
  from: number;
  to: number;
  changes: DocumentChange[];
}

export interface BroadcastsView {
  id: string;
  paused: boolean;
  /** The running ones are those a pause or resume goes to. */
  people: People;
  /** Absent while Temporal cannot be asked. */
  broadcasts?: CampaignBroadcasts;
}
