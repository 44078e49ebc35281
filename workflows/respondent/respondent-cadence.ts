import { patched } from '@temporalio/workflow';
import type { OutreachStep } from '../../src/campaigns/contact-policy-schema';
import type { AttemptOutcome } from '../../src/policy/cadence';
import { coolDownAndRestart, workCadence, type ContactWay } from '../outreach/cadence-loop';
import { close, type RespondentContext } from './respondent-context';
import { callRespondent } from './respondent-calls';
import { firstTextTemplate, inviteBySms, waitForLastReply } from './respondent-texts';

// The respondent's cadence: the shared outreach loop (windows, caps, consent, retries), carried
// out with the survey's texts, and ending as the survey says when it runs out.

type SurveyStep = OutreachStep & ({ channel: 'sms'; template: string } | { channel: 'voice' });

export function workRespondentCadence(ctx: RespondentContext): Promise<void> {
  return workCadence<SurveyStep>(ctx, {
    contact: (step, way, attemptKey) => contact(ctx, step, way, attemptKey),
    whenExhausted: (why) => whenExhausted(ctx, why),
  });
}

function contact(ctx: RespondentContext, step: SurveyStep, way: ContactWay, attemptKey: string): Promise<AttemptOutcome> {
  if (step.channel === 'sms') return inviteBySms(ctx, step, attemptKey);
  if (way.kind === 'as-planned' && patched('survey-calls')) return callRespondent(ctx, step, attemptKey);
  // Without consent to an artificial voice the step's contact is made by text, which the
  // conversation engine carries the same way, and the audit says so; histories from before survey
  // calls made every voice step by text, and replay their reason.
  const reason = way.kind === 'as-planned' ? 'survey calls are not built yet' : 'no prior express consent to artificial-voice calls';
  ctx.trail.audit('voice-fell-back-to-sms', { stepId: step.id, reason });
  return inviteBySms(ctx, { id: step.id, template: firstTextTemplate(ctx) }, attemptKey);
}

async function whenExhausted(ctx: RespondentContext, why: string): Promise<void> {
  const { state } = ctx;
  if (await waitForLastReply(ctx)) return;
  ctx.trail.audit('cadence-exhausted', { why, cycle: state.cycle });
  const policy = ctx.campaign.cadence.onExhausted;
  if (typeof policy === 'object') return coolDownAndRestart(ctx, policy.restartAfter);
  // 'human-queue' has nobody to call for a survey: the respondent simply was not reached.
  close(ctx, state.consentedAt === undefined ? 'not-reached' : 'incomplete');
}
