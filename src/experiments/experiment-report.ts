import type { AnyExperiment, VariedPart } from '../campaigns/experiment-schema';
import { partsOf } from '../campaigns/experiment-validation';
import type { PersonOutcome } from './experiment-outcomes';
import { compareMeans, compareRates, meanEstimate, rateEstimate, type Comparison, type Estimate } from './statistics';

// One experiment's results: each arm's people and outcomes, and each arm set against the first
// (the control) with the test that fits the metric. Every comparison carries its own verdict,
// "not enough data" included, so nobody reads a difference into a handful of calls.

export type MetricId =
  | 'right-party-contact-rate'
  | 'promise-to-pay-rate'
  | 'kept-promise-rate'
  | 'collected-per-account'
  | 'hand-off-rate'
  | 'response-rate'
  | 'completion-rate'
  | 'drop-off-rate';

export type ExperimentKind = 'collections' | 'survey';

export interface ArmSummary {
  id: string;
  weight: number;
  stopped: boolean;
  /** People first placed in this arm (they count here even after a move). */
  people: number;
  /** Of them, moved to another arm when this one was stopped or removed. */
  movedOut: number;
}

export interface ArmMetric {
  arm: string;
  /** People the metric is measured on (for the kept-promise rate: those whose promise came due). */
  n: number;
  /** For a rate: how many of them. */
  successes?: number;
  estimate: Estimate;
}

export interface MetricReport {
  metric: MetricId;
  label: string;
  kind: 'rate' | 'mean';
  /** 'share': a proportion from 0 to 1; 'minor-units': money in the campaign currency's minor units. */
  unit: 'share' | 'minor-units';
  arms: ArmMetric[];
  comparisons: Array<Comparison & { arm: string; against: string }>;
}

export interface ExperimentReport {
  id: string;
  question?: string;
  varies: VariedPart[];
  control: string;
  arms: ArmSummary[];
  metrics: MetricReport[];
}

/** What GET /campaigns/{id}/experiments (and /surveys/{id}/experiments) answers. */
export interface CampaignExperiments {
  kind: ExperimentKind;
  /** The campaign's id, or the survey's. */
  campaignId: string;
  version: number;
  /** A campaign's currency (money is in its minor units); absent for a survey. */
  currency?: string;
  /** When the figures were read (ISO 8601). */
  asOf: string;
  experiments: ExperimentReport[];
}

interface RateMetric {
  metric: MetricId;
  label: string;
  population: (person: PersonOutcome) => boolean;
  success: (person: PersonOutcome) => boolean;
}

const collectionsRates: RateMetric[] = [
  { metric: 'right-party-contact-rate', label: 'right-party contact rate', population: () => true, success: (p) => p.rightPartyContact },
  { metric: 'promise-to-pay-rate', label: 'promise-to-pay rate', population: () => true, success: (p) => p.promised },
  { metric: 'kept-promise-rate', label: 'kept-promise rate', population: (p) => p.promiseDue, success: (p) => p.promiseKept },
  { metric: 'hand-off-rate', label: 'hand-off rate', population: () => true, success: (p) => p.handedOff },
];

// Drop-off is the share of those who started and did not finish: the completion rate's other side,
// shown because survey teams read it that way.
const surveyRates: RateMetric[] = [
  { metric: 'response-rate', label: 'response rate', population: () => true, success: (p) => p.surveyStarted },
  { metric: 'completion-rate', label: 'completion rate', population: (p) => p.surveyStarted, success: (p) => p.surveyCompleted },
  { metric: 'drop-off-rate', label: 'drop-off rate', population: (p) => p.surveyStarted, success: (p) => !p.surveyCompleted },
];

export function experimentReport(experiment: AnyExperiment, people: Iterable<PersonOutcome>, kind: ExperimentKind): ExperimentReport {
  const byArm = groupByArm(experiment, people);
  const armIds = [...byArm.keys()];
  const control = armIds[0]!;
  const arms = armIds.map((id): ArmSummary => {
    const declared = experiment.arms.find((arm) => arm.id === id);
    const members = byArm.get(id)!;
    return { id, weight: declared?.weight ?? 0, stopped: declared ? declared.stopped : true, people: members.length, movedOut: members.filter((p) => p.moved.includes(experiment.id)).length };
  });
  const report = { id: experiment.id, question: experiment.question, varies: partsOf(experiment), control, arms };
  const comparisons = Math.max(1, armIds.length - 1);
  const rates = (kind === 'survey' ? surveyRates : collectionsRates).map((definition) => rateMetric(definition, byArm, comparisons));
  if (kind === 'survey') return { ...report, metrics: rates };
  return { ...report, metrics: [...rates.slice(0, 3), collectedMetric(byArm, comparisons), rates[3]!] };
}

/** The people of each arm, the declared arms first (in their order), then any the document no longer lists. */
function groupByArm(experiment: AnyExperiment, people: Iterable<PersonOutcome>): Map<string, PersonOutcome[]> {
  const byArm = new Map<string, PersonOutcome[]>(experiment.arms.map((arm) => [arm.id, []]));
  for (const person of people) {
    const armId = person.arms[experiment.id];
    if (armId === undefined) continue;
    const members = byArm.get(armId);
    if (members) members.push(person);
    else byArm.set(armId, [person]);
  }
  return byArm;
}

function rateMetric(definition: RateMetric, byArm: Map<string, PersonOutcome[]>, comparisons: number): MetricReport {
  const samples = [...byArm].map(([arm, members]) => {
    const population = members.filter(definition.population);
    return { arm, successes: population.filter(definition.success).length, trials: population.length };
  });
  const [control] = samples;
  return {
    metric: definition.metric,
    label: definition.label,
    kind: 'rate',
    unit: 'share',
    arms: samples.map((sample) => ({ arm: sample.arm, n: sample.trials, successes: sample.successes, estimate: rateEstimate(sample) })),
    comparisons: samples.slice(1).map((sample) => ({ arm: sample.arm, against: control!.arm, ...compareRates(control!, sample, { comparisons, metricLabel: definition.label }) })),
  };
}

function collectedMetric(byArm: Map<string, PersonOutcome[]>, comparisons: number): MetricReport {
  const label = 'money collected per account';
  const samples = [...byArm].map(([arm, members]) => ({ arm, values: members.map((person) => person.collectedMinor) }));
  const [control] = samples;
  return {
    metric: 'collected-per-account',
    label,
    kind: 'mean',
    unit: 'minor-units',
    arms: samples.map((sample) => ({ arm: sample.arm, n: sample.values.length, estimate: meanEstimate(sample) })),
    comparisons: samples.slice(1).map((sample) => ({ arm: sample.arm, against: control!.arm, ...compareMeans(control!, sample, { comparisons, metricLabel: label }) })),
  };
}
