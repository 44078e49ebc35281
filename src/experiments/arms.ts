import type { Campaign } from '../campaigns/campaign-schema';
import type { AnyExperiment } from '../campaigns/experiment-schema';
import type { Survey } from '../surveys/survey-schema';

// Who is in which arm of a campaign's (or survey's) experiments, and the document as that person's arms word it.
// Pure and deterministic, so workflows run it: a person's arm is fixed by a hash of the experiment
// and the person's workflow id, so the same person lands in the same arm on every replay, after a
// continue-as-new and on a re-import, and arms fill in proportion to their weights.

/** Experiment id → arm id, as the person's workflow keeps it. */
export type ArmAssignments = Record<string, string>;

export interface ArmChange {
  experimentId: string;
  armId: string;
  /** The arm the person leaves; absent on a first assignment. */
  from?: string;
  reason: 'assigned' | 'arm-stopped' | 'arm-removed';
}

/** What an arm changes in a call's script, beyond the campaign's own sections. */
interface ArmedScript {
  greeting?: Record<string, string>;
  leadOffer?: 'pay-now' | 'plan';
}

interface CallHours {
  callHours?: { start: string; end: string };
}

export type ArmedCampaign = Campaign & CallHours & { script?: ArmedScript };
export type ArmedSurvey = Survey & CallHours;

/** A number in [0, 1) fixed by `key` (32-bit FNV-1a, mixed): spreads evenly, and needs no I/O or randomness. */
export function stableFraction(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  // FNV alone leaves ids that differ in their last digits close together (ACC-1, ACC-2): a final
  // avalanche (MurmurHash3's) spreads them over the whole range.
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return ((hash ^ (hash >>> 16)) >>> 0) / 2 ** 32;
}

/** The running arm a person falls into, by weight; undefined when every arm is stopped. */
export function pickArm(experiment: AnyExperiment, personKey: string): string | undefined {
  const running = experiment.arms.filter((arm) => !arm.stopped);
  const total = running.reduce((sum, arm) => sum + arm.weight, 0);
  let point = stableFraction(`${experiment.id}/${personKey}`) * total;
  for (const arm of running) {
    if (point < arm.weight) return arm.id;
    point -= arm.weight;
  }
  return running.at(-1)?.id;
}

/**
 * What to change in a person's assignments for the campaign as it is now: a first arm in each new
 * experiment, and a move for anyone whose arm was stopped or removed. An experiment the campaign
 * dropped keeps its assignment: it is the record of what the person was shown.
 */
export function armChanges(experiments: readonly AnyExperiment[], current: ArmAssignments, personKey: string): ArmChange[] {
  return experiments.flatMap((experiment): ArmChange[] => {
    const held = current[experiment.id];
    const arm = experiment.arms.find((candidate) => candidate.id === held);
    if (arm && !arm.stopped) return [];
    const armId = pickArm(experiment, personKey);
    if (armId === undefined) return [];
    if (held === undefined) return [{ experimentId: experiment.id, armId, reason: 'assigned' }];
    return [{ experimentId: experiment.id, armId, from: held, reason: arm ? 'arm-stopped' : 'arm-removed' }];
  });
}

/** The campaign as the person's arms word and time it. */
export function campaignWithArms(campaign: Campaign, assignments: ArmAssignments): ArmedCampaign {
  let armed: ArmedCampaign = campaign;
  for (const { arm } of armsOf(campaign.experiments, assignments)) {
    const script = { ...armed.script, ...(arm.greeting ? { greeting: arm.greeting } : {}), ...(arm.leadOffer ? { leadOffer: arm.leadOffer } : {}) };
    armed = {
      ...armed,
      ...withTemplatesAndHours(armed, arm),
      ...(Object.keys(script).length > 0 ? { script } : {}),
      ...(arm.disclosures ? { disclosures: { ...armed.disclosures, ...arm.disclosures } } : {}),
    };
  }
  return armed;
}

/** The survey as the person's arms word and time it. */
export function surveyWithArms(survey: Survey, assignments: ArmAssignments): ArmedSurvey {
  let armed: ArmedSurvey = survey;
  for (const { arm } of armsOf(survey.experiments, assignments)) {
    armed = { ...armed, ...withTemplatesAndHours(armed, arm), ...(arm.introduction ? { introduction: { ...armed.introduction, ...arm.introduction } } : {}) };
  }
  return armed;
}

/** The arm the person is in, of each experiment they are in. */
function armsOf<Arm extends { id: string }>(experiments: ReadonlyArray<{ id: string; arms: readonly Arm[] }> | undefined, assignments: ArmAssignments): Array<{ arm: Arm }> {
  return (experiments ?? []).flatMap((experiment) => {
    const arm = experiment.arms.find((candidate) => candidate.id === assignments[experiment.id]);
    return arm ? [{ arm }] : [];
  });
}

type Templates = Record<string, { channel: 'sms' | 'voice'; text: Record<string, string> }>;

function withTemplatesAndHours<D extends { templates: Templates } & CallHours>(document: D, arm: { templates?: Record<string, Record<string, string>>; callHours?: CallHours['callHours'] }): Partial<D> {
  return {
    ...(arm.templates ? { templates: rewordedTemplates(document.templates, arm.templates) } : {}),
    ...(arm.callHours ? { callHours: arm.callHours } : {}),
  } as Partial<D>;
}

function rewordedTemplates(templates: Templates, reworded: Record<string, Record<string, string>>): Templates {
  const result = { ...templates };
  for (const [id, text] of Object.entries(reworded)) {
    const base = templates[id];
    if (base) result[id] = { ...base, text: { ...base.text, ...text } };
  }
  return result;
}
