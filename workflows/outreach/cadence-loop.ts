import type { OutreachCadence, OutreachStep } from '../../src/campaigns/contact-policy-schema';
import { durationMillis } from '../../src/campaigns/campaign-notation';
import { afterAttempt, cadencePosition, nextCadenceStep, startNewCycle } from '../../src/policy/cadence';
import { contactRoute, type ContactRoute } from '../../src/policy/contact-route';
import type { OutreachContext } from './outreach-context';
import type { AttemptOutcome, OutreachCampaign, OutreachState } from './outreach-state';
import { allowedMoment, contactPermissions, holdWhileCampaignPaused } from './contact-gate';
import { recordAttempt } from './sms-attempt';
import { beginContact, cadenceWhy, noteDeferral, type DueContact } from './contact-reasons';

// One turn of the cadence: the step that is due next, held until the contact window and the
// Regulation F caps allow it, checked against the consent ledger and the campaign's pause flag,
// carried out by the workflow on its channel, and the cadence moved on by the attempt's outcome.

/** A route on which something is sent (or handed to a person). */
export type ContactWay = Extract<ContactRoute, { kind: 'as-planned' | 'text-instead' | 'human-call' }>;

export interface CadenceWork<Step extends OutreachStep> {
  /** Carries out a due step that passed the gate, under its attempt key; returns the outcome. */
  contact(step: Step, way: ContactWay, attemptKey: string): Promise<AttemptOutcome>;
  /** Every step has been carried out, or the attempts are used up. */
  whenExhausted(why: string): Promise<void>;
}

export async function workCadence<Step extends OutreachStep>(ctx: OutreachContext<OutreachState, Omit<OutreachCampaign, 'cadence'> & { cadence: OutreachCadence<Step> }>, work: CadenceWork<Step>): Promise<void> {
  const { state } = ctx;
  ctx.setStatus('contacting');
  const next = nextCadenceStep(ctx.campaign, cadencePosition(state, state.attempts));
  if (next.kind === 'exhausted') return work.whenExhausted(next.why);

  const { step } = next;
  const attemptKey = `${ctx.workflowId}/c${state.cycle}/${step.id}/r${state.stepRetries}`;
  const due: DueContact = { attemptKey, stepId: step.id, channel: step.channel };
  const askedAt = Math.max(next.notBefore, Date.now());
  const allowed = allowedMoment(ctx, step.channel, askedAt);
  state.nextContact = {
    at: allowed.at,
    reason: allowed.at > next.notBefore ? `${next.why}; deferred: ${allowed.reason}` : next.why,
    stepId: step.id,
    channel: step.channel,
  };
  const why = cadenceWhy(next, askedAt, allowed);
  noteDeferral(ctx, due, why);
  // A contact due now is not announced: the mirror would hold it for the moment it takes.
  if (allowed.at > Date.now()) ctx.mirror();
  if (await ctx.changes.sleepUntil(allowed.at)) return; // something happened: reconsider from the top

  const known = state.optedOut[step.channel];
  const permissions = known ? undefined : await contactPermissions(ctx);
  if (permissions?.campaignPaused) return holdWhileCampaignPaused(ctx, due, next.notBefore, permissions.campaignPausedBy);
  ctx.campaignHolds = 0;
  state.nextContact = undefined;
  state.stepIndex = next.index;
  beginContact(ctx, attemptKey, why);
  const route: ContactRoute = permissions
    ? contactRoute({ channel: step.channel, optedOut: state.optedOut, permissions, importedVoiceConsent: ctx.person.artificialVoiceConsent, consent: ctx.campaign.consent })
    : { kind: 'opted-out', channel: step.channel };
  const outcome = route.kind === 'opted-out' || route.kind === 'no-channel-left' ? skip(ctx, step, route, attemptKey) : await work.contact(step, route, attemptKey);
  ctx.dueContact = undefined;
  Object.assign(state, afterAttempt(state, step, outcome, Date.now()));
}

function skip(ctx: OutreachContext, step: OutreachStep, route: ContactRoute, attemptKey: string): AttemptOutcome {
  if (route.kind === 'opted-out') ctx.state.optedOut[route.channel] = true;
  recordAttempt(ctx, { attemptKey, stepId: step.id, channel: step.channel, purpose: `cadence:${step.id}`, outcome: 'skipped-opted-out' });
  return 'skipped-opted-out';
}

/** The cadence ran out and the campaign restarts it after a cool-down (unless an event comes first). */
export async function coolDownAndRestart(ctx: OutreachContext, restartAfter: string): Promise<void> {
  ctx.setStatus('cooling-down');
  ctx.mirror();
  if (await ctx.changes.sleepUntil(Date.now() + durationMillis(restartAfter))) return;
  restartCadence(ctx);
}

export function restartCadence(ctx: OutreachContext): void {
  Object.assign(ctx.state, startNewCycle(ctx.state, Date.now()));
}

/** Whether the cadence has nothing left to do in this cycle. */
export function cadenceExhausted(ctx: OutreachContext): boolean {
  return nextCadenceStep(ctx.campaign, cadencePosition(ctx.state, ctx.state.attempts)).kind === 'exhausted';
}
