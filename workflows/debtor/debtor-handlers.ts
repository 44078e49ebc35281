import { getExternalWorkflowHandle, setHandler } from '@temporalio/workflow';
import { registerOutreachSignals } from '../outreach/outreach-signals';
import { paymentDuringCallSignal } from '../call/call.messages';
import { pause, resume, validateResume } from '../outreach/pause';
import { cadenceExhausted, restartCadence } from '../outreach/cadence-loop';
import { records } from '../outreach/outreach-activities';
import {
  agreePlanUpdate,
  ceaseCommunicationUpdate,
  closeUpdate,
  debtorStateQuery,
  disputeUpdate,
  inboundSmsSignal,
  pauseUpdate,
  paymentReceivedSignal,
  payLinkRequestedSignal,
  recordPromiseUpdate,
  resolveHumanTaskUpdate,
  resumeUpdate,
  type HumanResolution,
  type PaymentReceived,
} from './debtor.messages';
import { close, refuseWhenClosed, requireText, view, type DebtorContext } from './debtor-context';
import { setPlan, setPromise, validatePlan, validatePromise } from './promises-and-plans';
import { stopAllContact } from './human-tasks';
import { sendPaymentLink } from './debtor-texts';
import { actedBy } from '../outreach/outreach.messages';

// What the debtor workflow shows and accepts: events it cannot refuse (signals), and operator and
// agent actions it validates first (updates). Registered before the campaign loads, so the state
// can be queried and events are taken from the first moment.

export function registerDebtorHandlers(ctx: DebtorContext): void {
  setHandler(debtorStateQuery, () => view(ctx));
  registerEvents(ctx);
  registerOperatorActions(ctx);
}

function registerEvents(ctx: DebtorContext): void {
  const { state, changes } = ctx;
  setHandler(paymentReceivedSignal, (payment) => receivePayment(ctx, payment));
  setHandler(payLinkRequestedSignal, async ({ callAttemptKey }) => {
    const call = ctx.liveCall;
    if (!call || call.attemptKey !== callAttemptKey || ctx.isClosed() || state.optedOut.sms) return;
    await sendPaymentLink(ctx, `${callAttemptKey}/pay-link`, call.step);
  });
  setHandler(inboundSmsSignal, (sms) => {
    if (sms.kind === 'opt-out') state.optedOut.sms = true;
    // The consumer's own START: texts may go again (the ledger, read before each one, agrees); nothing to answer.
    if (sms.kind === 'opt-in') {
      state.optedOut.sms = false;
      ctx.trail.audit('sms-opt-in', { messageSid: sms.messageSid });
    } else ctx.pendingReplies.push(sms);
    changes.touched();
  });
  registerOutreachSignals(ctx);
}

function registerOperatorActions(ctx: DebtorContext): void {
  const { changes } = ctx;
  const refuseWhenClosedOr = (check: () => void) => {
    refuseWhenClosed(ctx);
    check();
  };
  const textValidator = (field: string) => (args: Record<string, unknown>) => refuseWhenClosedOr(() => requireText(field, args[field]));
  setHandler(
    recordPromiseUpdate,
    ({ actor, ...promise }) => {
      setPromise(ctx, promise);
      ctx.trail.audit('promise-recorded', { ...promise, ...actedBy(actor) });
      changes.touched();
      return view(ctx);
    },
    { validator: (promise) => validatePromise(ctx, promise) },
  );
  setHandler(
    agreePlanUpdate,
    ({ actor, ...plan }) => {
      setPlan(ctx, plan);
      ctx.trail.audit('plan-agreed', { instalments: plan.instalments, ...actedBy(actor) });
      changes.touched();
      return view(ctx);
    },
    { validator: (plan) => validatePlan(ctx, plan) },
  );
  const stop = async (outcome: 'disputed' | 'ceased', detail: string, actor?: string) => {
    await stopAllContact(ctx, outcome, detail, actor);
    return view(ctx);
  };
  setHandler(disputeUpdate, ({ reason, actor }) => stop('disputed', reason, actor), { validator: textValidator('reason') });
  setHandler(ceaseCommunicationUpdate, ({ source, actor }) => stop('ceased', source, actor), { validator: textValidator('source') });
  setHandler(
    pauseUpdate,
    ({ reason, by = 'operator', actor }) => {
      pause(ctx, reason, by, actor);
      return view(ctx);
    },
    { validator: textValidator('reason') },
  );
  setHandler(
    resumeUpdate,
    ({ by = 'operator', actor }) => {
      resume(ctx, by, actor);
      return view(ctx);
    },
    { validator: ({ by = 'operator' }) => refuseWhenClosedOr(() => validateResume(ctx, by)) },
  );
  setHandler(
    closeUpdate,
    ({ reason, actor }) => {
      ctx.trail.audit('closed-by-operator', { reason, ...actedBy(actor) });
      close(ctx, 'closed');
      return view(ctx);
    },
    { validator: textValidator('reason') },
  );
  setHandler(resolveHumanTaskUpdate, (resolution) => resolveHumanTask(ctx, resolution), { validator: (resolution) => validateResolution(ctx, resolution) });
}

function receivePayment(ctx: DebtorContext, payment: PaymentReceived): void {
  const { state } = ctx;
  if (state.paymentIds.includes(payment.paymentId) || payment.amountMinor <= 0) return;
  state.paymentIds.push(payment.paymentId);
  state.paidMinor += payment.amountMinor;
  state.balanceMinor = Math.max(0, state.balanceMinor - payment.amountMinor);
  ctx.trail.audit('payment-received', { paymentId: payment.paymentId, amountMinor: payment.amountMinor, balanceMinor: state.balanceMinor, ...actedBy(payment.actor) });
  if (state.balanceMinor === 0 && !ctx.isClosed()) close(ctx, state.plan ? 'settled-by-plan' : 'paid');
  if (ctx.liveCall) {
    // The call thanks the caller for it; it may have ended meanwhile, and the payment is recorded here either way.
    getExternalWorkflowHandle(ctx.liveCall.workflowId)
      .signal(paymentDuringCallSignal, { paymentId: payment.paymentId, amountMinor: payment.amountMinor })
      .catch(() => undefined);
  }
  ctx.changes.touched();
}

async function resolveHumanTask(ctx: DebtorContext, resolution: HumanResolution) {
  const { state } = ctx;
  await records.closeHumanTask({ taskId: resolution.taskId, resolution });
  ctx.trail.audit('human-task-resolved', { taskId: resolution.taskId, outcome: resolution.outcome, notes: resolution.notes, ...actedBy(resolution.actor) });
  state.humanTask = undefined;
  if (resolution.outcome === 'promise' && resolution.promise) setPromise(ctx, resolution.promise);
  if (resolution.outcome === 'plan' && resolution.plan) setPlan(ctx, resolution.plan);
  if (resolution.outcome === 'close') close(ctx, 'closed');
  if (resolution.outcome === 'resume-contact' && cadenceExhausted(ctx)) restartCadence(ctx);
  ctx.changes.touched();
  return view(ctx);
}

function validateResolution(ctx: DebtorContext, resolution: HumanResolution): void {
  refuseWhenClosed(ctx);
  if (!ctx.state.humanTask || ctx.state.humanTask.taskId !== resolution.taskId) {
    throw new Error(`no open human task ${resolution.taskId} on this account`);
  }
  if (resolution.outcome === 'promise') {
    if (!resolution.promise) throw new Error('promise: required when the outcome is promise');
    validatePromise(ctx, resolution.promise);
  }
  if (resolution.outcome === 'plan') {
    if (!resolution.plan) throw new Error('plan: required when the outcome is plan');
    validatePlan(ctx, resolution.plan);
  }
}
