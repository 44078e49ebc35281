import { AppError } from '../errors/app-error';
import { redactStrings } from '../policy/redaction';
import type { DebtorRecord } from '../adapters/mongo/repositories';
import { terminalOutcomes, type DebtorView, type HumanResolution } from '../../workflows/debtor/debtor.messages';
import { findDebtor, instalmentsIn, minorUnits, type DebtorRef, type MoneyInput } from './debtors';
import { noteResolved, requireHolderOrAdmin, type Agent } from './human-task-claims';
import { recordPayment } from './record-payment';
import { askWorkflow } from './workflow-errors';
import type { UseCaseDeps } from './use-case-deps';

// An agent's answer to a debtor's task. The workflow knows four (go on contacting, a promise, a
// plan, close); the queue's other outcomes are made of what the workflow already takes:
// - payment taken: the task is resolved to go on contacting, then the payment is recorded as an
//   operator's, so a payment that clears the balance closes the account as paid;
// - dispute noted: the dispute goes to the workflow first (contact stops at once, 12 CFR 1006.6,
//   and it opens its own task to verify the debt); its account then ends, so the task is closed here;
// - callback: go on contacting, with the agreed callback in the notes. The cadence calls when its
//   next step falls due; the workflow has no "call at this time" to hand the agreed time to.
// A task can outlive its workflow (a dispute to verify, a cease request: the account ended as it
// opened them). Nothing goes on there, so closing the task is the one answer, kept on the task.

export const humanTaskOutcomes = ['resume-contact', 'promise', 'plan', 'close', 'payment-taken', 'dispute-noted', 'callback'] as const;
export type HumanTaskOutcome = (typeof humanTaskOutcomes)[number];

export interface HumanTaskResolution {
  outcome: HumanTaskOutcome;
  notes: string;
  promise?: MoneyInput & { dueDate: string };
  plan?: { instalments: Array<MoneyInput & { dueDate: string }> };
  payment?: MoneyInput;
}

/** Resolves a debtor's task for `agent`, who must hold it unless nobody does (or be an admin); the workflow goes on from there. */
export async function resolveHumanTask(deps: UseCaseDeps, ref: DebtorRef, taskId: string, resolution: HumanTaskResolution, agent: Agent): Promise<DebtorView> {
  const debtor = await findDebtor(deps, ref);
  await requireHolderOrAdmin(deps, taskId, agent);
  const ended = (terminalOutcomes as readonly string[]).includes(debtor.status);
  const view = await (ended ? closeOnEndedAccount : carryOut)(deps, debtor, taskId, resolution, agent.actor);
  await noteResolved(deps, taskId, agent, resolution.outcome);
  return view;
}

function carryOut(deps: UseCaseDeps, debtor: DebtorRecord, taskId: string, resolution: HumanTaskResolution, actor: string): Promise<DebtorView> {
  switch (resolution.outcome) {
    case 'payment-taken':
      return takePayment(deps, debtor, taskId, resolution, actor);
    case 'dispute-noted':
      return noteDispute(deps, debtor, taskId, resolution.notes, actor);
    case 'callback':
      return inWorkflow(deps, debtor, { taskId, outcome: 'resume-contact', notes: `Callback agreed. ${resolution.notes}`.trim(), actor });
    default: {
      const { promise, plan } = resolution;
      return inWorkflow(deps, debtor, {
        taskId,
        outcome: resolution.outcome,
        notes: resolution.notes,
        actor,
        ...(promise ? { promise: { amountMinor: minorUnits(promise, debtor.currency, 'promise.amount'), dueDate: promise.dueDate } } : {}),
        ...(plan ? { plan: { instalments: instalmentsIn(plan, debtor.currency, 'plan.instalments') } } : {}),
      });
    }
  }
}

function inWorkflow(deps: UseCaseDeps, debtor: DebtorRecord, resolution: HumanResolution): Promise<DebtorView> {
  return askWorkflow(() => deps.gateway.resolveHumanTask(debtor.workflowId, resolution));
}

async function takePayment(deps: UseCaseDeps, debtor: DebtorRecord, taskId: string, resolution: HumanTaskResolution, actor: string): Promise<DebtorView> {
  if (!resolution.payment) throw required('payment', 'payment-taken');
  const amountMinor = minorUnits(resolution.payment, debtor.currency, 'payment.amount');
  const notes = `Payment taken: ${amountMinor} minor units. ${resolution.notes}`.trim();
  await inWorkflow(deps, debtor, { taskId, outcome: 'resume-contact', notes, actor });
  // Keyed by the task: a repeat of this payment records it once.
  const payment = { workflowId: debtor.workflowId, paymentId: `manual-${taskId}`, amountMinor, currency: debtor.currency, provider: 'manual', at: Date.now(), actor };
  await recordPayment(deps, payment);
  return askWorkflow(() => deps.gateway.debtorState(debtor.workflowId));
}

async function noteDispute(deps: UseCaseDeps, debtor: DebtorRecord, taskId: string, reason: string, actor: string): Promise<DebtorView> {
  if (reason.trim() === '') throw required('notes', 'dispute-noted', " (the debtor's reason)");
  await requireOpenTaskOn(deps, debtor, taskId);
  const view = await askWorkflow(() => deps.gateway.dispute(debtor.workflowId, reason, actor));
  await deps.mongo.repositories.humanTasks.resolve(taskId, redactStrings({ outcome: 'dispute-noted', notes: reason, actor }));
  return view;
}

async function closeOnEndedAccount(deps: UseCaseDeps, debtor: DebtorRecord, taskId: string, resolution: HumanTaskResolution, actor: string): Promise<DebtorView> {
  if (resolution.outcome !== 'close') {
    const reason = `the account is ${debtor.status} and its workflow has ended: only close resolves its tasks`;
    throw new AppError('rejected', `outcome: ${reason}`, 422, [{ path: 'outcome', message: reason }]);
  }
  await requireOpenTaskOn(deps, debtor, taskId);
  await deps.mongo.repositories.humanTasks.resolve(taskId, redactStrings({ outcome: 'close', notes: resolution.notes, actor }));
  return askWorkflow(() => deps.gateway.debtorState(debtor.workflowId));
}

async function requireOpenTaskOn(deps: UseCaseDeps, debtor: DebtorRecord, taskId: string): Promise<void> {
  const task = await deps.mongo.repositories.humanTasks.byTaskId(taskId);
  if (task?.workflowId !== debtor.workflowId || task.status !== 'open') throw new AppError('rejected', `no open human task ${taskId} on this account`, 422);
}

function required(field: string, outcome: HumanTaskOutcome, what = ''): AppError {
  const reason = `required when the outcome is ${outcome}${what}`;
  return new AppError('invalid_resolution', `${field}: ${reason}`, 400, [{ path: field, message: reason }]);
}
