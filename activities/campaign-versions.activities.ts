import { ApplicationFailure } from '@temporalio/activity';
import type { Models } from '../src/adapters/mongo/models';
import { validateCampaign } from '../src/campaigns/campaign-validation';
import type { Campaign } from '../src/campaigns/campaign-schema';

export function createCampaignVersionActivities(deps: { models: Pick<Models, 'campaignVersions'> }) {
  return {
    /** One immutable campaign version, validated again so a workflow never runs on a bad document. */
    async loadCampaignVersion(input: { campaignId: string; version: number }): Promise<Campaign> {
      const doc = await deps.models.campaignVersions.findOne({ campaignId: input.campaignId, version: input.version }).lean();
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
    },
  };
}
