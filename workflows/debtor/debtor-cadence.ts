import type { CadenceStep } from '../../src/campaigns/campaign-schema';
import type { AttemptOutcome } from '../../src/policy/cadence';
import { coolDownAndRestart, workCadence, type ContactWay } from '../outreach/cadence-loop';
import { recordAttempt } from '../outreach/sms-attempt';
import { close, type DebtorContext } from './debtor-context';
import { callStep } from './call-step';
import { openHumanTask } from './human-tasks';
import { sendDebtorSms, smsTemplateFor } from './debtor-texts';

// The debtor's cadence: the shared outreach loop, carried out with the debtor's texts and calls,
// and ending as the campaign says when it runs out.

export function workDebtorCadence(ctx: DebtorContext): Promise<void> {
  return workCadence(ctx, {
    contact: (step, way, attemptKey) => contact(ctx, step, way, attemptKey),
    whenExhausted: (why) => whenExhausted(ctx, why),
  });
}

async function contact(ctx: DebtorContext, step: CadenceStep, way: ContactWay, attemptKey: string): Promise<AttemptOutcome> {
  const purpose = `cadence:${step.id}`;
  if (way.kind === 'human-call') {
    // FCC 24-17: no artificial-voice call without prior express consent; a person makes this one.
    await openHumanTask(ctx, 'human-call', `No consent to artificial-voice calls: a person should make call step ${step.id}.`);
    recordAttempt(ctx, { attemptKey, stepId: step.id, channel: 'voice', purpose, outcome: 'handed-to-agent' });
    return 'handed-to-agent';
  }
  if (way.kind === 'text-instead') {
    ctx.trail.audit('voice-fell-back-to-sms', { stepId: step.id, reason: 'no prior express consent to artificial-voice calls' });
  } else if (way.channel === 'voice') {
    return callStep(ctx, step, attemptKey);
  }
  return sendDebtorSms(ctx, attemptKey, step.id, smsTemplateFor(ctx, step), purpose);
}

async function whenExhausted(ctx: DebtorContext, why: string): Promise<void> {
  const { state } = ctx;
  ctx.trail.audit('cadence-exhausted', { why, cycle: state.cycle });
  const policy = ctx.campaign.cadence.onExhausted;
  if (policy === 'close') return close(ctx, 'exhausted');
  if (policy === 'human-queue') return openHumanTask(ctx, 'cadence-exhausted', `Cadence exhausted (${why}); balance ${state.balanceMinor}.`);
  await coolDownAndRestart(ctx, policy.restartAfter);
}
