import { patched } from '@temporalio/workflow';
import { armChanges, campaignWithArms, type ArmedCampaign } from '../../src/experiments/arms';
import { reads } from '../outreach/outreach-activities';
import type { DebtorContext } from './debtor-context';

// The debtor's arms in the campaign's script experiments. Each campaign version the workflow loads
// is worked as the debtor's arms word it; a debtor new to an experiment is placed in an arm, and one
// whose arm was stopped moves to a running one. Both are audited, and the assignments are kept in
// the workflow's state, so a new campaign version and a continue-as-new keep them.

/** Runs from before experiments existed load campaigns without arms: patched() keeps their replay. */
export const scriptExperimentsPatch = 'script-experiments';

export async function loadArmedCampaign(ctx: DebtorContext, version: { campaignId: string; version: number }): Promise<ArmedCampaign> {
  const campaign = await reads.loadCampaignVersion(version);
  // A campaign loaded before documents had experiments comes back from history without the field.
  const experiments = campaign.experiments ?? [];
  if (experiments.length === 0 || !patched(scriptExperimentsPatch)) return campaign;
  const arms = (ctx.state.experimentArms ??= {});
  for (const change of armChanges(experiments, arms, ctx.workflowId)) {
    arms[change.experimentId] = change.armId;
    const { reason, ...data } = change;
    if (reason === 'assigned') ctx.trail.audit('experiment-assigned', { ...data, campaignVersion: version.version });
    else ctx.trail.audit('experiment-arm-moved', { ...data, reason, campaignVersion: version.version });
  }
  return campaignWithArms(campaign, arms);
}
