import { stepIndexInVersion } from '../../src/policy/cadence';
import type { OutreachContext } from './outreach-context';
import { reads } from './outreach-activities';

// A new campaign version reaches a running person by signal; it is adopted between contacts, and
// the person stays on the same step (matched by id) of the new cadence.

export async function adoptNewCampaignVersion(ctx: OutreachContext): Promise<void> {
  const { state } = ctx;
  if (ctx.pendingCampaignVersion <= state.campaignVersion) return;
  const currentStepId = ctx.campaign.cadence.steps[state.stepIndex]?.id;
  const to = ctx.pendingCampaignVersion;
  ctx.campaign = await reads.loadCampaignVersion({ campaignId: ctx.campaignId, version: to });
  const from = state.campaignVersion;
  state.campaignVersion = to;
  state.stepIndex = stepIndexInVersion(ctx.campaign, currentStepId, state.stepIndex);
  ctx.trail.audit('campaign-version-adopted', { from, to });
}
