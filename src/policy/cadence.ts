import { durationMillis, type Campaign, type CadenceStep } from '../campaigns/campaign-schema';

// Where a debtor stands in the campaign's cadence and which step is due next. Pure: the debtor
// workflow calls it after every change, so a new campaign version or a retry simply yields a
// different answer.

export interface CadencePosition {
  cycleStartedAt: number;
  stepIndex: number;
  stepRetries: number;
  /** Set while a failed contact waits for its retry. */
  retryAt?: number;
  lastStepDoneAt?: number;
  /** Contacts made in this cycle, by channel. */
  made: { sms: number; voice: number };
}

export type NextStep =
  | { kind: 'step'; step: CadenceStep; index: number; notBefore: number; why: string }
  | { kind: 'exhausted'; why: string };

/** The next step to carry out, skipping steps whose channel has used up its attempts. */
export function nextCadenceStep(campaign: Campaign, position: CadencePosition): NextStep {
  const { steps, limits } = campaign.cadence;
  const total = position.made.sms + position.made.voice;
  if (total >= limits.maxAttemptsTotal) return { kind: 'exhausted', why: `all ${limits.maxAttemptsTotal} contact attempts used` };
  for (let index = position.stepIndex; index < steps.length; index++) {
    const step = steps[index];
    if (position.made[step.channel] >= limits.maxAttemptsPerChannel[step.channel]) continue;
    if (index === position.stepIndex && position.retryAt !== undefined) {
      return { kind: 'step', step, index, notBefore: position.retryAt, why: `retry ${position.stepRetries} of step ${step.id}` };
    }
    const anchor = step.delay.after === 'start' ? position.cycleStartedAt : (position.lastStepDoneAt ?? position.cycleStartedAt);
    return {
      kind: 'step',
      step,
      index,
      notBefore: anchor + durationMillis(step.delay.duration),
      why: `step ${step.id} (${step.channel}) ${step.delay.duration} after ${step.delay.after === 'start' ? 'the start' : 'the previous step'}`,
    };
  }
  return { kind: 'exhausted', why: 'every cadence step has been carried out' };
}

/** Where the same step stands in a new campaign version: matched by id, else the same position. */
export function stepIndexInVersion(campaign: Campaign, previousStepId: string | undefined, previousIndex: number): number {
  if (previousStepId !== undefined) {
    const byId = campaign.cadence.steps.findIndex((s) => s.id === previousStepId);
    if (byId >= 0) return byId;
  }
  return Math.min(previousIndex, campaign.cadence.steps.length);
}
