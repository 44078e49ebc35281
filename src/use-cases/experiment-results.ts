import type { AnyExperiment } from '../campaigns/experiment-schema';
import { experimentReport, type CampaignExperiments, type ExperimentKind } from '../experiments/experiment-report';
import { outcomeEventTypes, personOutcomes } from '../experiments/experiment-outcomes';
import { AppError } from '../errors/app-error';
import { applyCampaign, getCampaign } from './campaigns';
import { applySurvey, getSurvey } from './surveys';
import type { UseCaseDeps } from './use-case-deps';

// A campaign's (or survey's) script experiments and how each arm is doing, from the audit log: who
// was placed in which arm, and what came of the calls, promises, payments and answers of those people.

export async function campaignExperiments(deps: UseCaseDeps, campaignId: string, now = Date.now()): Promise<CampaignExperiments> {
  const { version, document } = await getCampaign(deps, campaignId);
  return { ...(await results(deps, 'collections', campaignId, document.experiments, now)), version, currency: document.currency };
}

export async function surveyExperiments(deps: UseCaseDeps, surveyId: string, now = Date.now()): Promise<CampaignExperiments> {
  const { version, document } = await getSurvey(deps, surveyId);
  return { ...(await results(deps, 'survey', surveyId, document.experiments, now)), version };
}

async function results(deps: UseCaseDeps, kind: ExperimentKind, campaignId: string, experiments: readonly AnyExperiment[], now: number) {
  const events = experiments.length > 0 ? await deps.mongo.repositories.audit.ofTypes(campaignId, outcomeEventTypes) : [];
  const people = [...personOutcomes(events, now).values()];
  return { kind, campaignId, asOf: new Date(now).toISOString(), experiments: experiments.map((experiment) => experimentReport(experiment, people, kind)) };
}

interface ArmIds {
  campaignId: string;
  experimentId: string;
  armId: string;
}

/**
 * Stops an arm: a new campaign version with the arm marked stopped, broadcast to the campaign's
 * people like any version. Its people move to the remaining arms at their next contact.
 */
export async function stopExperimentArm(deps: UseCaseDeps, ids: ArmIds, actor: string) {
  const { document } = await getCampaign(deps, ids.campaignId);
  return applyCampaign(deps, { ...document, experiments: withArmStopped(document.experiments, ids, 'campaign') }, 'json', actor);
}

/** Stops an arm of a survey's experiment, as for a campaign. */
export async function stopSurveyExperimentArm(deps: UseCaseDeps, ids: ArmIds, actor: string) {
  const { document } = await getSurvey(deps, ids.campaignId);
  return applySurvey(deps, { ...document, experiments: withArmStopped(document.experiments, ids, 'survey') }, 'json', actor);
}

function withArmStopped<E extends AnyExperiment>(experiments: readonly E[], ids: ArmIds, what: 'campaign' | 'survey'): E[] {
  const experiment = experiments.find((candidate) => candidate.id === ids.experimentId);
  if (!experiment) throw new AppError('not_found', `${what} '${ids.campaignId}' has no experiment '${ids.experimentId}' (it has: ${experiments.map((e) => e.id).join(', ') || 'none'})`, 404);
  const arm = experiment.arms.find((candidate) => candidate.id === ids.armId);
  if (!arm) throw new AppError('not_found', `experiment '${ids.experimentId}' has no arm '${ids.armId}' (it has: ${experiment.arms.map((a) => a.id).join(', ')})`, 404);
  if (arm.stopped) throw new AppError('conflict', `arm '${ids.armId}' of experiment '${ids.experimentId}' is already stopped`, 409);
  return experiments.map((e) => (e !== experiment ? e : { ...e, arms: e.arms.map((a) => (a === arm ? { ...a, stopped: true } : a)) }));
}
