import { stepIndexInVersion } from '../../src/policy/cadence';
import type { OutreachContext } from './outreach-context';
import type { OutreachCampaign, OutreachState } from './outreach-state';

// A new campaign (or survey) version reaches a running person by signal; it is adopted between contacts, and
// the person stays on the same step (matched by id) of the new cadence.

export async function adoptNewCampaignVersion<C extends OutreachCampaign>(
  ctx: OutreachContext<OutreachState, C>,
  load: (input: { campaignId: string; version: number }) => Promise<C>,
): Promise<void> {
  const { state } = ctx;
  if (ctx.pendingCampaignVersion <= state.campaignVersion) return;
  const currentStepId = ctx.campaign.cadence.steps[state.stepIndex]?.id;
  const to = ctx.pendingCampaignVersion;
  ctx.campaign = await load({ campaignId: ctx.campaignId, version: to });
  const from = state.campaignVersion;
  state.campaignVersion = to;
  state.stepIndex = stepIndexInVersion(ctx.campaign, currentStepId, state.stepIndex);
  ctx.trail.audit('campaign-version-adopted', { from, to });
}
