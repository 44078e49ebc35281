import { ApplicationFailure } from '@temporalio/workflow';
import type { CadenceStep } from '../../src/campaigns/campaign-schema';
import { renderTemplate } from '../../src/campaigns/templates';
import type { AttemptOutcome } from '../../src/policy/cadence';
import { firstCommunication, sendSmsAttempt } from '../outreach/sms-attempt';
import type { DebtorContext } from './debtor-context';
import { openHumanTask } from './human-tasks';

// The debtor's texts: which template, rendered with what the account owes, and the answers to
// the debtor's own texts.

/** Placeholder the SMS activity replaces with a freshly signed link, so no link token enters history. */
const paymentLinkMarker = '{{paymentLink}}';

/** Sends one text of the campaign's template `templateId` under its attempt key. */
export function sendDebtorSms(ctx: DebtorContext, attemptKey: string, stepId: string, templateId: string, purpose: string): Promise<AttemptOutcome> {
  const { person, state } = ctx;
  const body = renderTemplate(ctx.campaign, templateId, person.language, {
    name: person.firstName,
    amountDue: state.balanceMinor,
    dueDate: person.dueDate,
    paymentLink: paymentLinkMarker,
    communication: firstCommunication(ctx) ? 'initial' : 'subsequent',
  });
  return sendSmsAttempt(ctx, { attemptKey, stepId, purpose, body });
}

/** The payment link, asked for during a call, by a PAY text, or agreed on a call. */
export function sendPaymentLink(ctx: DebtorContext, attemptKey: string, step: CadenceStep = firstSmsStep(ctx)): Promise<AttemptOutcome> {
  return sendDebtorSms(ctx, attemptKey, 'pay-request', smsTemplateFor(ctx, step), 'payment-link-requested');
}

/**
 * The SMS template for a step: the step's own, in the variant for the debtor's strategy when the
 * campaign has one (`reminder-consequences-and-plan` beside `reminder`). A voice step falling
 * back to SMS uses the nearest SMS template before it in the cadence.
 */
export function smsTemplateFor(ctx: DebtorContext, step: CadenceStep): string {
  const base = step.channel === 'sms' ? step.template : nearestSmsTemplate(ctx, step);
  const variant = `${base}-${ctx.state.strategy}`;
  return ctx.campaign.templates[variant] ? variant : base;
}

export function firstSmsStep(ctx: DebtorContext): CadenceStep {
  const steps = ctx.campaign.cadence.steps;
  return steps.find((s) => s.channel === 'sms') ?? steps[0];
}

function nearestSmsTemplate(ctx: DebtorContext, step: CadenceStep): string {
  const steps = ctx.campaign.cadence.steps;
  const index = steps.findIndex((s) => s.id === step.id);
  const before = steps.slice(0, index).reverse().concat(steps.slice(index + 1));
  const sms = before.find((s) => s.channel === 'sms');
  if (!sms || sms.channel !== 'sms') throw ApplicationFailure.nonRetryable('the campaign has no SMS template to fall back to', 'CampaignInvalid');
  return sms.template;
}

/** Inbound texts: a PAY request gets the link at once (the person asked); free text may go to a person. */
export async function answerReplies(ctx: DebtorContext): Promise<void> {
  const { state } = ctx;
  while (ctx.pendingReplies.length > 0) {
    const reply = ctx.pendingReplies.shift()!;
    ctx.trail.audit(`sms-${reply.kind}`, { messageSid: reply.messageSid });
    if (ctx.isClosed()) continue;
    if (reply.kind === 'pay' && !state.optedOut.sms) await sendPaymentLink(ctx, `${ctx.workflowId}/reply/${reply.messageSid}`);
    if (reply.kind === 'free-text' && mentionsEscalationKeyword(ctx, reply.body) && !state.humanTask) {
      await openHumanTask(ctx, 'sms-reply', 'The debtor replied by text with words that need a person.');
    }
  }
}

function mentionsEscalationKeyword(ctx: DebtorContext, text: string): boolean {
  const lower = text.toLowerCase();
  return Object.values(ctx.campaign.escalation.keywords).some((words) => words.some((w) => lower.includes(w.toLowerCase())));
}
