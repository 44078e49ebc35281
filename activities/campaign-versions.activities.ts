import { ApplicationFailure } from '@temporalio/activity';
import type { Repositories } from '../src/adapters/mongo/repositories';
import { validateCampaign } from '../src/campaigns/campaign-validation';
import type { Campaign } from '../src/campaigns/campaign-schema';

/** One immutable campaign version, validated again so a workflow or a call never runs on a bad document. */
export async function loadValidCampaign(campaigns: Repositories['campaigns'], input: { campaignId: string; version: number }): Promise<Campaign> {
  const doc = await campaigns.version(input.campaignId, input.version);
  if (!doc) {
    throw ApplicationFailure.nonRetryable(`campaign ${input.campaignId} has no version ${input.version}`, 'CampaignNotFound');
  }
  const checked = validateCampaign(doc.document);
  if (!checked.ok) {
    throw ApplicationFailure.nonRetryable(
      `campaign ${input.campaignId} v${input.version} no longer validates: ${checked.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
      'CampaignInvalid',
    );
  }
  return checked.campaign;
}

export function createCampaignVersionActivities(deps: { repositories: Pick<Repositories, 'campaigns'> }) {
  return {
    loadCampaignVersion: (input: { campaignId: string; version: number }): Promise<Campaign> => loadValidCampaign(deps.repositories.campaigns, input),
  };
}
