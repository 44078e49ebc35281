import { Context } from '@temporalio/activity';
import type { Repositories } from '../src/adapters/mongo/repositories';
import { GatewayError } from '../src/temporal/gateway-error';
import { forEachBounded } from '../src/use-cases/bounded';
import { terminalOutcomes } from '../workflows/debtor/debtor.messages';
import { respondentOutcomes } from '../workflows/respondent/respondent.messages';
import type { CampaignNotice } from '../workflows/campaign/campaign-broadcast.messages';

// The campaign broadcast's side effects: reading the campaign's running people a page at a time,
// and telling each one through the service's Temporal gateway.

export interface BroadcastDeps {
  repositories: Pick<Repositories, 'debtors' | 'respondents' | 'campaigns'>;
  debtorWorkflows: DebtorWorkflowNotices;
}

/**
 * How a debtor workflow hears of a campaign-wide change. The service's Temporal gateway is the
 * implementation; the activities name only what they call, because the gateway imports the workflows
 * that run these activities.
 */
export interface DebtorWorkflowNotices {
  pause(workflowId: string, reason: string, by: 'campaign', updateId: string, actor?: string): Promise<unknown>;
  resume(workflowId: string, by: 'campaign', updateId: string, actor?: string): Promise<unknown>;
  campaignUpdated(workflowId: string, version: number): Promise<unknown>;
}

/** Updates in flight at once while a page is told. */
const tellConcurrency = 16;

export function createCampaignBroadcastActivities(deps: BroadcastDeps) {
  return {
    /**
     * The next page of the campaign's people whose mirrored status is not terminal, in reference
     * order after `after`: its debtors, or a survey's respondents (one id space, so only one of the
     * two has any).
     */
    async runningDebtorsPage(input: { campaignId: string; after?: string; limit: number }): Promise<{ workflowIds: string[]; lastAccountRef?: string }> {
      const { campaignId, after, limit } = input;
      const debtors = await deps.repositories.debtors.runningPage(campaignId, terminalOutcomes, { afterAccountRef: after, limit });
      if (debtors.length > 0) return { workflowIds: debtors.map((d) => d.workflowId), lastAccountRef: debtors.at(-1)?.accountRef };
      const respondents = await deps.repositories.respondents.runningPage(campaignId, respondentOutcomes, { afterRespondentRef: after, limit });
      return { workflowIds: respondents.map((r) => r.workflowId), lastAccountRef: respondents.at(-1)?.respondentRef };
    },

    /**
     * Tells each workflow; counts those that took it and those that refused or had ended. A retry
     * after a partial page sends the same Update id (the broadcast's), which each workflow answers
     * only once. A pause
     * or resume stops as soon as the campaign's flag says otherwise: the newer broadcast that
     * replaced this one tells the rest, and this one must not undo its work.
     */
    async tellDebtors(input: {
      campaignId: string;
      notice: CampaignNotice;
      workflowIds: string[];
      updateId: string;
    }): Promise<{ updated: number; skipped: number; superseded: boolean }> {
      const { notice, updateId } = input;
      const superseded = async () =>
        notice.kind !== 'version' && (await deps.repositories.campaigns.isPaused(input.campaignId)) !== (notice.kind === 'pause');
      const counts = { updated: 0, skipped: 0, superseded: false };
      const tell = async (workflowId: string): Promise<unknown> => {
        if (notice.kind === 'version') return deps.debtorWorkflows.campaignUpdated(workflowId, notice.version);
        if (notice.kind === 'pause') return deps.debtorWorkflows.pause(workflowId, notice.reason, 'campaign', updateId, notice.actor);
        return deps.debtorWorkflows.resume(workflowId, 'campaign', updateId, notice.actor);
      };
      await forEachBounded(input.workflowIds, tellConcurrency, async (workflowId) => {
        if (counts.superseded || (await superseded())) {
          counts.superseded = true;
          return;
        }
        try {
          await tell(workflowId);
          counts.updated++;
        } catch (err) {
          if (!(err instanceof GatewayError)) throw err;
          counts.skipped++;
        }
        Context.current().heartbeat(counts);
      });
      return counts;
    },
  };
}
