import { randomUUID } from 'node:crypto';
import { AppError } from '../errors/app-error';
import { parseAmount } from '../policy/money';
import type { DebtorRecord } from '../adapters/mongo/repositories';
import type { DebtorProfile, DebtorStatus, DebtorView } from '../../workflows/debtor/debtor.messages';
import { campaignState } from './campaigns';
import { recordPayment } from './record-payment';
import { askWorkflow } from './workflow-errors';
import type { UseCaseDeps } from './use-case-deps';

// A debtor's account as operators see and act on it: the stored profile and the workflow's live
// state; every action goes to the workflow, which accepts it or says why not.

export interface DebtorRef {
  campaignId: string;
  accountRef: string;
}

/** An amount as an operator writes it: decimal text in the account's currency, or minor units; one of the two. */
export interface MoneyInput {
  amount?: string;
  amountMinor?: number;
}

export interface DebtorSummary {
  accountRef: string;
  workflowId: string;
  fullName: string;
  status: string;
  balanceMinor: number;
  currency: string;
  nextContactAt?: Date;
  nextContactReason?: string;
  importedAt: Date;
  updatedAt: Date;
}

export interface DebtorPage {
  debtors: DebtorSummary[];
  /** Pass as `after` for the next page; absent on the last page. */
  next?: string;
}

export async function findDebtor(deps: UseCaseDeps, ref: DebtorRef): Promise<DebtorRecord> {
  const debtor = await deps.mongo.repositories.debtors.byAccount(ref.campaignId, ref.accountRef);
  if (!debtor) throw new AppError('not_found', `no debtor '${ref.accountRef}' in campaign '${ref.campaignId}'`, 404);
  return debtor;
}

/** The profile as imported: the fields a workflow starts with, and nothing else stored beside them. */
export function storedProfile(debtor: DebtorRecord): DebtorProfile {
  return {
    accountRef: debtor.accountRef,
    fullName: debtor.fullName,
    firstName: debtor.firstName,
    phone: debtor.phone,
    timeZone: debtor.timeZone,
    language: debtor.language,
    currency: debtor.currency,
    amountDueMinor: debtor.amountDueMinor,
    dueDate: debtor.dueDate,
    ...(debtor.birthYear != null ? { birthYear: debtor.birthYear } : {}),
    ...(debtor.zip != null ? { zip: debtor.zip } : {}),
    segmentData: debtor.segmentData ?? {},
    artificialVoiceConsent: debtor.artificialVoiceConsent,
  };
}

/** A page of a campaign's debtors in account order, from the status mirror the workflows keep. */
export async function listDebtors(
  deps: UseCaseDeps,
  campaignId: string,
  query: { status?: DebtorStatus; limit: number; after?: string },
): Promise<DebtorPage> {
  await campaignState(deps, campaignId);
  // One more than asked: whether it comes tells if there is a next page.
  const found = await deps.mongo.repositories.debtors.page(campaignId, { status: query.status, afterAccountRef: query.after || undefined, limit: query.limit + 1 });
  const page = found.slice(0, query.limit).map(
    (debtor): DebtorSummary => ({
      accountRef: debtor.accountRef,
      workflowId: debtor.workflowId,
      fullName: debtor.fullName,
      status: debtor.status,
      balanceMinor: debtor.balanceMinor,
      currency: debtor.currency,
      nextContactAt: debtor.nextContactAt ?? undefined,
      nextContactReason: debtor.nextContactReason ?? undefined,
      importedAt: debtor.importedAt,
      updatedAt: debtor.updatedAt,
    }),
  );
  return { debtors: page, ...(found.length > query.limit ? { next: page[page.length - 1].accountRef } : {}) };
}

/** The stored profile and the workflow's live state. */
export async function showDebtor(deps: UseCaseDeps, ref: DebtorRef): Promise<{ profile: DebtorProfile; state: DebtorView }> {
  const debtor = await findDebtor(deps, ref);
  const state = await askWorkflow(() => deps.gateway.debtorState(debtor.workflowId));
  return { profile: storedProfile(debtor), state };
}

/**
 * A payment an operator took (by phone, at a branch): recorded like a provider's, under provider
 * 'manual'. Its id is the body's paymentId, else one derived from the request's Idempotency-Key (so
 * a retried request is one payment); a request with neither is a new payment every time.
 */
export async function recordOperatorPayment(deps: UseCaseDeps, ref: DebtorRef, payment: MoneyInput & { paymentId?: string }, actor: string, idempotencyKey?: string) {
  const debtor = await findDebtor(deps, ref);
  return recordPayment(deps, {
    workflowId: debtor.workflowId,
    paymentId: payment.paymentId ?? (idempotencyKey ? `manual-${ref.campaignId}/${ref.accountRef}/${idempotencyKey}` : `manual-${randomUUID()}`),
    amountMinor: minorUnits(payment, debtor.currency, 'amount'),
    currency: debtor.currency,
    provider: 'manual',
    at: Date.now(),
    actor,
  });
}

// `actor` in each action below: who acts (src/auth), for the workflow's audit log.

export async function recordPromise(deps: UseCaseDeps, ref: DebtorRef, promise: MoneyInput & { dueDate: string }, actor: string): Promise<DebtorView> {
  const debtor = await findDebtor(deps, ref);
  const amountMinor = minorUnits(promise, debtor.currency, 'amount');
  return askWorkflow(() => deps.gateway.recordPromise(debtor.workflowId, { amountMinor, dueDate: promise.dueDate, actor }));
}

export async function agreePlan(deps: UseCaseDeps, ref: DebtorRef, plan: { instalments: Array<MoneyInput & { dueDate: string }> }, actor: string): Promise<DebtorView> {
  const debtor = await findDebtor(deps, ref);
  const instalments = instalmentsIn(plan, debtor.currency, 'instalments');
  return askWorkflow(() => deps.gateway.agreePlan(debtor.workflowId, { instalments, actor }));
}

export async function disputeDebt(deps: UseCaseDeps, ref: DebtorRef, reason: string, actor: string): Promise<DebtorView> {
  const debtor = await findDebtor(deps, ref);
  return askWorkflow(() => deps.gateway.dispute(debtor.workflowId, reason, actor));
}

export async function ceaseCommunication(deps: UseCaseDeps, ref: DebtorRef, source: string, actor: string): Promise<DebtorView> {
  const debtor = await findDebtor(deps, ref);
  return askWorkflow(() => deps.gateway.ceaseCommunication(debtor.workflowId, source, actor));
}

export async function pauseDebtor(deps: UseCaseDeps, ref: DebtorRef, reason: string, actor: string): Promise<DebtorView> {
  const debtor = await findDebtor(deps, ref);
  return askWorkflow(() => deps.gateway.pause(debtor.workflowId, reason, 'operator', undefined, actor));
}

export async function resumeDebtor(deps: UseCaseDeps, ref: DebtorRef, actor: string): Promise<DebtorView> {
  const debtor = await findDebtor(deps, ref);
  return askWorkflow(() => deps.gateway.resume(debtor.workflowId, 'operator', undefined, actor));
}

export async function closeDebtor(deps: UseCaseDeps, ref: DebtorRef, reason: string, actor: string): Promise<DebtorView> {
  const debtor = await findDebtor(deps, ref);
  return askWorkflow(() => deps.gateway.close(debtor.workflowId, reason, actor));
}

export function instalmentsIn(plan: { instalments: Array<MoneyInput & { dueDate: string }> }, currency: string, path: string) {
  return plan.instalments.map((instalment, i) => ({
    amountMinor: minorUnits(instalment, currency, `${path}.${i}.amount`),
    dueDate: instalment.dueDate,
  }));
}

export function minorUnits(money: MoneyInput, currency: string, path: string): number {
  if ((money.amount === undefined) === (money.amountMinor === undefined)) {
    const reason = `give amount (decimal text like "25.00") or amountMinor (whole minor units): one of the two`;
    throw new AppError('invalid_amount', `${path}: ${reason}`, 400, [{ path, message: reason }]);
  }
  if (money.amountMinor !== undefined) return money.amountMinor;
  const parsed = parseAmount(money.amount!, currency);
  if (!parsed.ok) throw new AppError('invalid_amount', `${path}: ${parsed.reason}`, 400, [{ path, message: parsed.reason }]);
  return parsed.minorUnits;
}
