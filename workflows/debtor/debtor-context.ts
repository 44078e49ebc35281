import { patched, workflowInfo } from '@temporalio/workflow';
import type { CadenceStep } from '../../src/campaigns/campaign-schema';
import type { ArmedCampaign } from '../../src/experiments/arms';
import { isNorthAmericanNumber } from '../../src/policy/us-contact-rules';
import type { OutreachContext } from '../outreach/outreach-context';
import { Changes, freshOutreachState } from '../outreach/outreach-context';
import { AuditTrail, StatusMirror } from '../outreach/bookkeeping';
import { records } from '../outreach/outreach-activities';
import { auditContactDeferralsPatch } from '../outreach/contact-reasons';
import type { DebtorProfile, DebtorState, DebtorView, DebtorWorkflowInput, InboundSms, TerminalOutcome } from './debtor.messages';

// What every part of the debtor workflow shares: the outreach context (state, campaign, audit
// trail, status mirror, change counter) with the debtor's profile and what only a debtor has.

export interface DebtorContext extends OutreachContext<DebtorState, ArmedCampaign> {
  readonly input: DebtorWorkflowInput;
  readonly person: DebtorProfile;
  /** Handlers are registered before the campaign loads; validators that need it refuse until then. */
  campaignLoaded: boolean;
  /** The call on the line now, if any: payments reach it, and it may ask for the payment link. */
  liveCall?: { workflowId: string; attemptKey: string; step: CadenceStep };
  readonly pendingReplies: InboundSms[];
  setStatus(status: DebtorState['status']): void;
}

export function createDebtorContext(input: DebtorWorkflowInput): DebtorContext {
  const workflowId = workflowInfo().workflowId;
  const { campaignId, debtor } = input;
  const state: DebtorState = input.carried ?? initialState(input);
  const trail = new AuditTrail({ workflowId, campaignId }, state);
  // A first run starts from the row the import wrote, so that row is not written again.
  const imported = input.carried ? '' : JSON.stringify(snapshotOf(workflowId, state));
  const mirror = new StatusMirror(trail, records.saveDebtorSnapshot, imported);
  const ctx: DebtorContext = {
    input,
    workflowId,
    campaignId,
    person: debtor,
    regulationFByNumber: isNorthAmericanNumber(debtor.phone) && patched('us-rules-for-north-american-numbers'),
    auditsDeferrals: patched(auditContactDeferralsPatch),
    queues: input.queues,
    state,
    // Set by the workflow before its first step; until then `campaignLoaded` keeps validators off it.
    campaign: undefined as unknown as ArmedCampaign,
    campaignLoaded: false,
    pendingCampaignVersion: state.campaignVersion,
    campaignHolds: 0,
    deliveries: new Map(),
    pendingReplies: [],
    changes: new Changes(),
    trail,
    isClosed: () => state.outcome !== undefined,
    setStatus: (status) => {
      if (state.outcome === undefined) state.status = status;
    },
    mirror: () => mirror.update(snapshotOf(workflowId, state)),
  };
  return ctx;
}

function snapshotOf(workflowId: string, state: DebtorState) {
  return { workflowId, status: state.status, balanceMinor: state.balanceMinor, nextContactAt: state.nextContact?.at, nextContactReason: state.nextContact?.reason };
}

export function view(ctx: DebtorContext): DebtorView {
  const { paymentIds: _p, auditSeq: _a, ...rest } = ctx.state;
  return { ...rest, workflowId: ctx.workflowId, campaignId: ctx.campaignId, accountRef: ctx.person.accountRef, currency: ctx.person.currency };
}

export function close(ctx: DebtorContext, outcome: TerminalOutcome): void {
  const { state } = ctx;
  if (ctx.isClosed()) return;
  state.outcome = outcome;
  state.status = outcome;
  state.nextContact = undefined;
  // A dispute or a cease request leaves its task open: a person follows up on it.
  state.humanTask = outcome === 'disputed' || outcome === 'ceased' ? state.humanTask : undefined;
  ctx.trail.audit('closed', { outcome, balanceMinor: state.balanceMinor });
  ctx.changes.touched();
}

export function refuseWhenClosed(ctx: DebtorContext): void {
  if (ctx.isClosed()) throw new Error(`the account is closed (${ctx.state.outcome}); nothing more can be recorded on it`);
}

export function requireCampaign(ctx: DebtorContext): void {
  if (!ctx.campaignLoaded) throw new Error('the account is still starting; try again in a moment');
}

export function requireText(field: string, value: unknown): void {
  if (typeof value !== 'string' || value.trim() === '') throw new Error(`${field}: required, a non-empty text`);
}

export function segmentProfile(debtor: DebtorProfile) {
  const data = debtor.segmentData;
  return {
    daysPastDue: data.daysPastDue ?? 0,
    onTimePayments: data.onTimePayments ?? 0,
    brokenPromises: data.brokenPromises ?? 0,
    amountDue: debtor.amountDueMinor,
    flags: data.flags ?? [],
  };
}

function initialState(input: DebtorWorkflowInput): DebtorState {
  const { debtor } = input;
  return {
    ...freshOutreachState(input.campaignVersion),
    status: 'contacting',
    strategy: 'undecided',
    balanceMinor: debtor.amountDueMinor,
    paidMinor: 0,
    brokenPromises: debtor.segmentData.brokenPromises ?? 0,
    paymentIds: [],
  };
}
