import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { OutreachState, PauseSource } from '../outreach/outreach-state';
import type { Acting } from '../outreach/outreach.messages';

export { campaignUpdatedSignal, inboundSmsSignal, smsDeliveryStatusSignal, type InboundSms } from '../outreach/outreach.messages';

export type { AttemptOutcome, AttemptRecord, PauseSource, SmsDeliveryStatus } from '../outreach/outreach-state';

// The debtor workflow's contract with the outside world: its input, the events it reacts to, the
// operator actions it accepts, and the state it shows. Client code (src/temporal/gateway.ts)
// and the workflow both import this file.

export interface DebtorProfile {
  accountRef: string;
  fullName: string;
  firstName: string;
  /** E.164. */
  phone: string;
  /** IANA zone: every window and date is reasoned about here. */
  timeZone: string;
  language: string;
  currency: string;
  amountDueMinor: number;
  /** YYYY-MM-DD. */
  dueDate: string;
  birthYear?: number;
  /** US ZIP (5 digits) or another country's postal code, digits only: a verification answer. */
  zip?: string;
  /** Fields the campaign's segments read: daysPastDue, onTimePayments, brokenPromises, flags. */
  segmentData: { daysPastDue?: number; onTimePayments?: number; brokenPromises?: number; flags?: string[] };
  /** Prior express consent to calls with an artificial (TTS/AI) voice, as imported. */
  artificialVoiceConsent: boolean;
}

export interface DebtorWorkflowInput {
  campaignId: string;
  /** The campaign version the debtor starts under; later versions arrive by signal. */
  campaignVersion: number;
  debtor: DebtorProfile;
  /** Rate-limited task queues for outbound contact (see src/temporal/worker.ts). */
  queues: { sms: string; voice: string };
  /** Continue as new after this many history events (Temporal warns at 10,240). */
  continueAsNewAfterEvents?: number;
  /** State carried over a continue-as-new; absent on the first run. */
  carried?: DebtorState;
}

export const terminalOutcomes = ['paid', 'settled-by-plan', 'disputed', 'ceased', 'exhausted', 'closed'] as const;
export type TerminalOutcome = (typeof terminalOutcomes)[number];

export type DebtorStatus =
  | 'contacting'
  | 'paused'
  | 'awaiting-promise'
  | 'on-plan'
  | 'awaiting-agent'
  | 'cooling-down'
  | TerminalOutcome;

export interface Instalment {
  amountMinor: number;
  dueDate: string;
  status: 'due' | 'paid' | 'missed';
}

export interface DebtorState extends OutreachState {
  status: DebtorStatus;
  outcome?: TerminalOutcome;
  strategy: string;
  segmentId?: string;
  balanceMinor: number;
  paidMinor: number;
  promise?: { amountMinor: number; dueDate: string; paidAtPromise: number; madeAt: number };
  plan?: { instalments: Instalment[]; paidAtPlan: number; agreedAt: number };
  brokenPromises: number;
  humanTask?: { taskId: string; reason: string; openedAt: number };
  paymentIds: string[];
}

export interface DebtorView extends Omit<DebtorState, 'paymentIds' | 'auditSeq'> {
  workflowId: string;
  campaignId: string;
  accountRef: string;
  currency: string;
}

// --- Events (signals): facts that happened elsewhere; the workflow cannot refuse them.
export interface PaymentReceived {
  paymentId: string;
  amountMinor: number;
  /** Epoch ms when the provider took the payment. */
  at: number;
  /** An operator's or agent's payment only: who recorded it. */
  actor?: string;
}
export const paymentReceivedSignal = defineSignal<[PaymentReceived]>('paymentReceived');

/** From a live call whose caller agreed to pay now: text the payment link while they are on the line. */
export const payLinkRequestedSignal = defineSignal<[{ callAttemptKey: string }]>('payLinkRequested');

// --- Operator and agent actions (updates): validated, and refused with a reason.
export interface PromiseToPay {
  amountMinor: number;
  /** YYYY-MM-DD in the debtor's zone. */
  dueDate: string;
}
export const recordPromiseUpdate = defineUpdate<DebtorView, [PromiseToPay & Acting]>('recordPromise');

export interface PlanRequest {
  instalments: Array<{ amountMinor: number; dueDate: string }>;
}
export const agreePlanUpdate = defineUpdate<DebtorView, [PlanRequest & Acting]>('agreePlan');

export const disputeUpdate = defineUpdate<DebtorView, [{ reason: string } & Acting]>('dispute');
export const ceaseCommunicationUpdate = defineUpdate<DebtorView, [{ source: string } & Acting]>('ceaseCommunication');

export const pauseUpdate = defineUpdate<DebtorView, [{ reason: string; by?: PauseSource } & Acting]>('pause');
export const resumeUpdate = defineUpdate<DebtorView, [{ by?: PauseSource } & Acting]>('resume');
export const closeUpdate = defineUpdate<DebtorView, [{ reason: string } & Acting]>('close');

export interface HumanResolution extends Acting {
  taskId: string;
  outcome: 'resume-contact' | 'promise' | 'plan' | 'close';
  notes: string;
  promise?: PromiseToPay;
  plan?: PlanRequest;
}
export const resolveHumanTaskUpdate = defineUpdate<DebtorView, [HumanResolution]>('resolveHumanTask');

export const debtorStateQuery = defineQuery<DebtorView>('debtorState');
