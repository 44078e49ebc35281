import { experimentReport, type CampaignExperiments } from '../experiments/experiment-report';
import { outcomeEventTypes, personOutcomes } from '../experiments/experiment-outcomes';
import { AppError } from '../errors/app-error';
import { applyCampaign, getCampaign } from './campaigns';
import type { UseCaseDeps } from './use-case-deps';

// A campaign's script experiments and how each arm is doing, from the audit log: who was placed in
// which arm, and what came of the calls, promises and payments of those people.

export async function campaignExperiments(deps: UseCaseDeps, campaignId: string, now = Date.now()): Promise<CampaignExperiments> {
  const campaign = await getCampaign(deps, campaignId);
  const { experiments, currency } = campaign.document;
  const events = experiments.length > 0 ? await deps.mongo.repositories.audit.ofTypes(campaignId, outcomeEventTypes) : [];
  const people = [...personOutcomes(events, now).values()];
  return {
    campaignId,
    version: campaign.version,
    currency,
    asOf: new Date(now).toISOString(),
    experiments: experiments.map((experiment) => experimentReport(experiment, people)),
  };
}

/**
 * Stops an arm: a new campaign version with the arm marked stopped, broadcast to the campaign's
 * people like any version. Its people move to the remaining arms at their next contact.
 */
export async function stopExperimentArm(deps: UseCaseDeps, ids: { campaignId: string; experimentId: string; armId: string }, actor: string) {
  const { document } = await getCampaign(deps, ids.campaignId);
  const experiment = document.experiments.find((candidate) => candidate.id === ids.experimentId);
  if (!experiment) throw new AppError('not_found', `campaign '${ids.campaignId}' has no experiment '${ids.experimentId}' (it has: ${document.experiments.map((e) => e.id).join(', ') || 'none'})`, 404);
  const arm = experiment.arms.find((candidate) => candidate.id === ids.armId);
  if (!arm) throw new AppError('not_found', `experiment '${ids.experimentId}' has no arm '${ids.armId}' (it has: ${experiment.arms.map((a) => a.id).join(', ')})`, 404);
  if (arm.stopped) throw new AppError('conflict', `arm '${ids.armId}' of experiment '${ids.experimentId}' is already stopped`, 409);
  const experiments = document.experiments.map((e) => (e !== experiment ? e : { ...e, arms: e.arms.map((a) => (a === arm ? { ...a, stopped: true } : a)) }));
  return applyCampaign(deps, { ...document, experiments }, 'json', actor);
}
