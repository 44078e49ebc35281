import { durationMillis, type Channel } from '../campaigns/campaign-notation';
import type { OutreachCadence, OutreachStep } from '../campaigns/contact-policy-schema';
import { retryDelay } from './retry-backoff';

// Where a person stands in the campaign's cadence, which step is due next, and how an attempt or
// a new cycle moves them on. Pure: the outreach workflows call it after every change, so a new
// campaign version or a retry simply yields a different answer.

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

/** What makes a step due when it is: its delay in the cadence, or the backoff of a retry after a failed attempt. */
export type StepBasis =
  | { rule: 'cadence-step'; delay: string; after: 'start' | 'previous' }
  | { rule: 'retry'; retry: number; backoffMs: number };

export type NextStep<Step extends OutreachStep = OutreachStep> =
  | { kind: 'step'; step: Step; index: number; notBefore: number; why: string; basis: StepBasis }
  | { kind: 'exhausted'; why: string };

/** The next step to carry out, skipping steps whose channel has used up its attempts. */
export function nextCadenceStep<Step extends OutreachStep>(campaign: { cadence: OutreachCadence<Step> }, position: CadencePosition): NextStep<Step> {
  const { steps, limits } = campaign.cadence;
  const total = position.made.sms + position.made.voice;
  if (total >= limits.maxAttemptsTotal) return { kind: 'exhausted', why: `all ${limits.maxAttemptsTotal} contact attempts used` };
  for (let index = position.stepIndex; index < steps.length; index++) {
    const step = steps[index];
    if (position.made[step.channel] >= limits.maxAttemptsPerChannel[step.channel]) continue;
    if (index === position.stepIndex && position.retryAt !== undefined) {
      // A later campaign version may allow fewer retries than this one was scheduled under: its backoff is then unknown (0).
      const backoffMs = position.stepRetries >= 1 ? (retryDelay(step.retry, position.stepRetries) ?? 0) : 0;
      const basis: StepBasis = { rule: 'retry', retry: position.stepRetries, backoffMs };
      return { kind: 'step', step, index, notBefore: position.retryAt, why: `retry ${position.stepRetries} of step ${step.id}`, basis };
    }
    const anchor = step.delay.after === 'start' ? position.cycleStartedAt : (position.lastStepDoneAt ?? position.cycleStartedAt);
    return {
      kind: 'step',
      step,
      index,
      notBefore: anchor + durationMillis(step.delay.duration),
      why: `step ${step.id} (${step.channel}) ${step.delay.duration} after ${step.delay.after === 'start' ? 'the start' : 'the previous step'}`,
      basis: { rule: 'cadence-step', delay: step.delay.duration, after: step.delay.after },
    };
  }
  return { kind: 'exhausted', why: 'every cadence step has been carried out' };
}

/** Where the same step stands in a new campaign version: matched by id, else the same position. */
export function stepIndexInVersion(campaign: { cadence: OutreachCadence }, previousStepId: string | undefined, previousIndex: number): number {
  if (previousStepId !== undefined) {
    const byId = campaign.cadence.steps.findIndex((s) => s.id === previousStepId);
    if (byId >= 0) return byId;
  }
  return Math.min(previousIndex, campaign.cadence.steps.length);
}

/** What came of one contact attempt. */
export type AttemptOutcome =
  | 'sent'
  | 'delivered'
  | 'undelivered'
  | 'failed'
  | 'no-answer'
  | 'busy'
  | 'answered'
  | 'skipped-opted-out'
  | 'handed-to-agent';

/** How far the person is through the cadence. A restart after a cool-down begins a new cycle. */
export interface CadenceProgress {
  cycle: number;
  cycleStartedAt: number;
  stepIndex: number;
  stepRetries: number;
  retryAt?: number;
  lastStepDoneAt?: number;
}

/** The part of an attempt record the position counts. */
export interface CountedAttempt {
  channel: Channel;
  at: number;
  outcome: AttemptOutcome;
}

/** Where the person stands now: a step skipped for an opt-out made no contact and is not counted. */
export function cadencePosition(progress: CadenceProgress, attempts: readonly CountedAttempt[]): CadencePosition {
  const inCycle = attempts.filter((a) => a.at >= progress.cycleStartedAt && a.outcome !== 'skipped-opted-out');
  return {
    cycleStartedAt: progress.cycleStartedAt,
    stepIndex: progress.stepIndex,
    stepRetries: progress.stepRetries,
    retryAt: progress.retryAt,
    lastStepDoneAt: progress.lastStepDoneAt,
    made: { sms: inCycle.filter((a) => a.channel === 'sms').length, voice: inCycle.filter((a) => a.channel === 'voice').length },
  };
}

/** Outcomes that did not reach the person, so the step's retry settings decide whether to try again. */
export function isFailedAttempt(outcome: AttemptOutcome): boolean {
  return outcome === 'no-answer' || outcome === 'busy' || outcome === 'failed' || outcome === 'undelivered';
}

/**
 * The progress after an attempt at the step at `progress.stepIndex`: a failed one waits for its
 * retry while the step has retries left; anything else moves on to the next step.
 */
export function afterAttempt(progress: CadenceProgress, step: Pick<OutreachStep, 'retry'>, outcome: AttemptOutcome, now: number): CadenceProgress {
  const { cycle, cycleStartedAt, stepIndex, stepRetries, lastStepDoneAt } = progress;
  if (isFailedAttempt(outcome)) {
    const delay = retryDelay(step.retry, stepRetries + 1);
    if (delay !== null) return { cycle, cycleStartedAt, stepIndex, stepRetries: stepRetries + 1, retryAt: now + delay, lastStepDoneAt };
  }
  return { cycle, cycleStartedAt, stepIndex: stepIndex + 1, stepRetries: 0, retryAt: undefined, lastStepDoneAt: now };
}

/** A new cycle from the first step, after the cadence ran out and its cool-down passed (or an agent resumed contact). */
export function startNewCycle(progress: CadenceProgress, now: number): CadenceProgress {
  return { cycle: progress.cycle + 1, cycleStartedAt: now, stepIndex: 0, stepRetries: 0, retryAt: undefined, lastStepDoneAt: undefined };
}
