import { continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { broadcastProgressQuery, type BroadcastProgress, type CampaignBroadcastInput } from './campaign-broadcast.messages';

/** Telling a page waits on each debtor workflow's Update; it heartbeats per debtor told. */
const { runningDebtorsPage, tellDebtors } = proxyActivities<Activities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const defaultPageSize = 200;
/** 50 pages of 200 keep a run's history near 300 events, far below Temporal's limits. */
const defaultPagesPerRun = 50;

/**
 * A campaign-wide change (pause, resume, a new version) reaches every running debtor of the
 * campaign, page by page in account order, durably: a restart of the API or the worker resumes
 * where it was, and a newer change of the same kind replaces a broadcast still running.
 */
export async function campaignBroadcastWorkflow(input: CampaignBroadcastInput): Promise<BroadcastProgress> {
  const { campaignId, notice, pageSize = defaultPageSize, pagesPerRun = defaultPagesPerRun } = input;
  const progress: BroadcastProgress = { ...(input.progress ?? { updated: 0, skipped: 0 }), done: false };
  let after = input.after;
  const { workflowId, runId } = workflowInfo();
  const updateId = `${workflowId}/${runId}`;
  setHandler(broadcastProgressQuery, () => progress);

  for (let page = 0; page < pagesPerRun; page++) {
    const running = await runningDebtorsPage({ campaignId, after, limit: pageSize });
    if (running.workflowIds.length === 0) return { ...progress, done: true };
    const told = await tellDebtors({ campaignId, notice, workflowIds: running.workflowIds, updateId });
    progress.updated += told.updated;
    progress.skipped += told.skipped;
    if (told.superseded) return { ...progress, done: true, superseded: true };
    after = running.lastAccountRef;
  }
  return continueAsNew<typeof campaignBroadcastWorkflow>({ ...input, after, progress });
}
