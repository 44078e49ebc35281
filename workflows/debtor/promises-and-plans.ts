import { condition } from '@temporalio/workflow';
import { endOfLocalDay, planProblems, promiseProblems } from '../../src/policy/arrangements';
import { allowedMoment, contactPermissions } from '../outreach/contact-gate';
import { beginContact, followUpWhy, noteDeferral } from '../outreach/contact-reasons';
import type { PlanRequest, PromiseToPay } from './debtor.messages';
import { close, refuseWhenClosed, requireCampaign, type DebtorContext } from './debtor-context';
import { firstSmsStep, sendDebtorSms, smsTemplateFor } from './debtor-texts';

// What the debtor agreed to: a promise to pay by a date, or a plan of instalments. Each is
// followed up at its due date (plus a grace day); a broken one gets one reminder text.

const promiseGraceDays = 1;
const dayMs = 24 * 60 * 60 * 1000;

export async function followUpPromise(ctx: DebtorContext): Promise<void> {
  const { state } = ctx;
  const promise = state.promise!;
  ctx.setStatus('awaiting-promise');
  state.nextContact = undefined;
  ctx.mirror();
  const kept = () => state.paidMinor - promise.paidAtPromise >= promise.amountMinor;
  const deadline = endOfLocalDay(promise.dueDate, ctx.person.timeZone) + promiseGraceDays * dayMs;
  // Woken by another event (not the payment), the loop comes back here to wait on.
  if ((await ctx.changes.sleepUntil(deadline, kept)) && !kept()) return;
  if (state.promise !== promise) return;
  if (kept()) {
    ctx.trail.audit('promise-kept', { dueDate: promise.dueDate });
    state.promise = undefined;
    return;
  }
  state.brokenPromises++;
  state.promise = undefined;
  ctx.trail.audit('promise-broken', { dueDate: promise.dueDate, amountMinor: promise.amountMinor, brokenPromises: state.brokenPromises });
  await remind(ctx, 'promise-broken');
}

export async function followUpPlan(ctx: DebtorContext): Promise<void> {
  const { state } = ctx;
  const plan = state.plan!;
  ctx.setStatus('on-plan');
  const next = plan.instalments.findIndex((i) => i.status === 'due');
  if (next < 0) return close(ctx, 'settled-by-plan');
  const instalment = plan.instalments[next];
  const owedByThen = plan.instalments.slice(0, next + 1).reduce((sum, i) => sum + i.amountMinor, 0);
  const paidEnough = () => state.paidMinor - plan.paidAtPlan >= owedByThen;
  const deadline = endOfLocalDay(instalment.dueDate, ctx.person.timeZone) + promiseGraceDays * dayMs;
  state.nextContact = undefined;
  ctx.mirror();
  await ctx.changes.sleepUntil(deadline, paidEnough);
  if (ctx.isClosed() || state.plan !== plan) return;
  if (paidEnough()) {
    instalment.status = 'paid';
    ctx.trail.audit('instalment-paid', { dueDate: instalment.dueDate });
    return;
  }
  if (Date.now() < deadline) return;
  instalment.status = 'missed';
  state.brokenPromises++;
  ctx.trail.audit('instalment-missed', { dueDate: instalment.dueDate, brokenPromises: state.brokenPromises });
  if (plan.instalments.filter((i) => i.status === 'missed').length >= 2) {
    state.plan = undefined;
    ctx.trail.audit('plan-broken', {});
  }
  await remind(ctx, 'instalment-missed');
}

/** One reminder text after a broken promise or a missed instalment, if texts are allowed. */
async function remind(ctx: DebtorContext, purpose: string): Promise<void> {
  const { state } = ctx;
  if (state.optedOut.sms) return;
  const balanceBefore = state.balanceMinor;
  const attemptKey = `${ctx.workflowId}/${purpose}/${state.brokenPromises}`;
  const dueAt = Date.now();
  const permitted = allowedMoment(ctx, 'sms', dueAt);
  const why = followUpWhy(purpose, dueAt, permitted);
  noteDeferral(ctx, { attemptKey, stepId: purpose, channel: 'sms' }, why);
  // A payment, a pause or the end of the account makes the reminder moot; other events do not.
  const moot = () => ctx.isClosed() || state.balanceMinor < balanceBefore || state.paused;
  const wait = permitted.at - Date.now();
  if (wait > 0 ? await condition(moot, wait) : moot()) {
    // Sent after the pause is lifted, days later, it would no longer say anything true.
    if (state.paused && !ctx.isClosed()) ctx.trail.audit('reminder-dropped', { purpose, reason: 'paused' });
    return;
  }
  if ((await contactPermissions(ctx)).campaignPaused) {
    ctx.trail.audit('reminder-dropped', { purpose, reason: 'campaign paused' });
    return;
  }
  const template = ctx.campaign.templates[purpose] ? purpose : smsTemplateFor(ctx, firstSmsStep(ctx));
  beginContact(ctx, attemptKey, why);
  await sendDebtorSms(ctx, attemptKey, purpose, template, purpose);
  ctx.dueContact = undefined;
}

export function setPromise(ctx: DebtorContext, promise: PromiseToPay): void {
  ctx.state.promise = { ...promise, paidAtPromise: ctx.state.paidMinor, madeAt: Date.now() };
  ctx.state.plan = undefined;
}

export function setPlan(ctx: DebtorContext, plan: PlanRequest): void {
  const instalments = plan.instalments.map((i) => ({ ...i, status: 'due' as const }));
  ctx.state.plan = { instalments, paidAtPlan: ctx.state.paidMinor, agreedAt: Date.now() };
  ctx.state.promise = undefined;
}

/** Problems with a promise under the campaign's rules (amount, date); empty when acceptable. */
export function promiseTermsProblems(ctx: DebtorContext, promise: PromiseToPay): string[] {
  const { state, person } = ctx;
  return problemTexts(promiseProblems(ctx.campaign, { ...promise, balanceMinor: state.balanceMinor, now: Date.now(), timeZone: person.timeZone }));
}

export function planTermsProblems(ctx: DebtorContext, plan: PlanRequest): string[] {
  const { state, person } = ctx;
  return problemTexts(planProblems(ctx.campaign, { instalments: plan.instalments, balanceMinor: state.balanceMinor, now: Date.now(), timeZone: person.timeZone }));
}

export function validatePromise(ctx: DebtorContext, promise: PromiseToPay): void {
  requireCampaign(ctx);
  refuseWhenClosed(ctx);
  throwProblems(promiseTermsProblems(ctx, promise));
}

export function validatePlan(ctx: DebtorContext, plan: PlanRequest): void {
  requireCampaign(ctx);
  refuseWhenClosed(ctx);
  if (!Array.isArray(plan?.instalments)) throw new Error('instalments: required, a list of { amountMinor, dueDate }');
  throwProblems(planTermsProblems(ctx, plan));
}

function problemTexts(problems: Array<{ path: string; message: string }>): string[] {
  return problems.map((p) => `${p.path}: ${p.message}`);
}

function throwProblems(problems: string[]): void {
  if (problems.length > 0) throw new Error(problems.join('; '));
}
