import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import { WorkflowIdConflictPolicy } from '@temporalio/common';
import { selfCheckStatusQuery, selfCheckWorkflow, type SelfCheckStatus } from '../../workflows/self-check.workflow';
import type { SelfCheckRecord } from '../../activities/self-check.activities';
import { debtorWorkflow } from '../../workflows/debtor/debtor.workflow';
import {
  agreePlanUpdate,
  campaignUpdatedSignal,
  ceaseCommunicationUpdate,
  closeUpdate,
  debtorStateQuery,
  disputeUpdate,
  inboundSmsSignal,
  pauseUpdate,
  paymentReceivedSignal,
  recordPromiseUpdate,
  resolveHumanTaskUpdate,
  resumeUpdate,
  smsDeliveryStatusSignal,
  type DebtorView,
  type DebtorWorkflowInput,
  type HumanResolution,
  type InboundSms,
  type PaymentReceived,
  type PlanRequest,
  type PromiseToPay,
  type SmsDeliveryStatus,
} from '../../workflows/debtor/debtor.messages';

export interface TaskQueues {
  main: string;
  /** Rate-limited: Twilio's per-sender message rate. */
  sms: string;
  /** Rate-limited: Twilio's per-account call rate. */
  voice: string;
}

export function taskQueuesFor(mainQueue: string): TaskQueues {
  return { main: mainQueue, sms: `${mainQueue}-sms`, voice: `${mainQueue}-voice` };
}

/** A workflow the caller named does not exist, or refused the request; `code` says which. */
export class GatewayError extends Error {
  constructor(
    readonly code: 'not_found' | 'rejected',
    message: string,
  ) {
    super(message);
    this.name = 'GatewayError';
  }
}

/**
 * The only place that knows workflow ids, task queues and message names. HTTP routes, webhooks
 * and the CLI call these methods; they never build a workflow id themselves.
 */
export class TemporalGateway {
  readonly queues: TaskQueues;

  constructor(
    readonly client: Client,
    mainQueue: string,
  ) {
    this.queues = taskQueuesFor(mainQueue);
  }

  /** Kept for the self-check; the main task queue. */
  get taskQueue(): string {
    return this.queues.main;
  }

  // ---- Self-check ----------------------------------------------------------------------------

  static selfCheckWorkflowId(checkId: string): string {
    return `self-check/${checkId}`;
  }

  async runSelfCheck(checkId: string, requestedBy: string): Promise<SelfCheckRecord> {
    return this.client.workflow.execute(selfCheckWorkflow, {
      workflowId: TemporalGateway.selfCheckWorkflowId(checkId),
      taskQueue: this.queues.main,
      args: [{ checkId, requestedBy }],
      workflowExecutionTimeout: '2 minutes',
    });
  }

  async selfCheckStatus(checkId: string): Promise<SelfCheckStatus> {
    return this.client.workflow.getHandle(TemporalGateway.selfCheckWorkflowId(checkId)).query(selfCheckStatusQuery);
  }

  // ---- Debtors -------------------------------------------------------------------------------

  /** One workflow per (campaign, account): the business key is the workflow id. */
  static debtorWorkflowId(campaignId: string, accountRef: string): string {
    return `debtor/${campaignId}/${accountRef}`;
  }

  /**
   * Starts the debtor's workflow unless one with the same id is running or has run: a repeated
   * import finds the existing execution and starts nothing.
   */
  async startDebtor(input: Omit<DebtorWorkflowInput, 'queues'>): Promise<{ workflowId: string; started: boolean }> {
    const workflowId = TemporalGateway.debtorWorkflowId(input.campaignId, input.debtor.accountRef);
    try {
      await this.client.workflow.start(debtorWorkflow, {
        workflowId,
        taskQueue: this.queues.main,
        args: [{ ...input, queues: { sms: this.queues.sms, voice: this.queues.voice } }],
        // A running execution makes the start fail, and so does a closed one: an account that
        // was worked to its end is not worked again by importing it again.
        workflowIdConflictPolicy: WorkflowIdConflictPolicy.FAIL,
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
      return { workflowId, started: true };
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) return { workflowId, started: false };
      throw err;
    }
  }

  async debtorState(workflowId: string): Promise<DebtorView> {
    return this.withErrors(workflowId, () => this.client.workflow.getHandle(workflowId).query(debtorStateQuery));
  }

  recordPromise(workflowId: string, promise: PromiseToPay): Promise<DebtorView> {
    return this.update(workflowId, (h) => h.executeUpdate(recordPromiseUpdate, { args: [promise] }));
  }
  agreePlan(workflowId: string, plan: PlanRequest): Promise<DebtorView> {
    return this.update(workflowId, (h) => h.executeUpdate(agreePlanUpdate, { args: [plan] }));
  }
  dispute(workflowId: string, reason: string): Promise<DebtorView> {
    return this.update(workflowId, (h) => h.executeUpdate(disputeUpdate, { args: [{ reason }] }));
  }
  ceaseCommunication(workflowId: string, source: string): Promise<DebtorView> {
    return this.update(workflowId, (h) => h.executeUpdate(ceaseCommunicationUpdate, { args: [{ source }] }));
  }
  pause(workflowId: string, reason: string): Promise<DebtorView> {
    return this.update(workflowId, (h) => h.executeUpdate(pauseUpdate, { args: [{ reason }] }));
  }
  resume(workflowId: string): Promise<DebtorView> {
    return this.update(workflowId, (h) => h.executeUpdate(resumeUpdate, { args: [] }));
  }
  close(workflowId: string, reason: string): Promise<DebtorView> {
    return this.update(workflowId, (h) => h.executeUpdate(closeUpdate, { args: [{ reason }] }));
  }
  resolveHumanTask(workflowId: string, resolution: HumanResolution): Promise<DebtorView> {
    return this.update(workflowId, (h) => h.executeUpdate(resolveHumanTaskUpdate, { args: [resolution] }));
  }

  paymentReceived(workflowId: string, payment: PaymentReceived): Promise<void> {
    return this.withErrors(workflowId, () => this.client.workflow.getHandle(workflowId).signal(paymentReceivedSignal, payment));
  }
  inboundSms(workflowId: string, sms: InboundSms): Promise<void> {
    return this.withErrors(workflowId, () => this.client.workflow.getHandle(workflowId).signal(inboundSmsSignal, sms));
  }
  smsDeliveryStatus(workflowId: string, status: SmsDeliveryStatus): Promise<void> {
    return this.withErrors(workflowId, () => this.client.workflow.getHandle(workflowId).signal(smsDeliveryStatusSignal, status));
  }

  /** Tells running debtor workflows about a new campaign version; closed ones are skipped. */
  async campaignUpdated(workflowIds: Iterable<string>, version: number): Promise<{ notified: number; skipped: number }> {
    let notified = 0;
    let skipped = 0;
    for (const workflowId of workflowIds) {
      try {
        await this.client.workflow.getHandle(workflowId).signal(campaignUpdatedSignal, { version });
        notified++;
      } catch (err) {
        if (!(err instanceof WorkflowNotFoundError)) throw err;
        skipped++;
      }
    }
    return { notified, skipped };
  }

  /** Reachability for /readyz: a cheap call the frontend answers only when it is serving. */
  async ping(): Promise<void> {
    await this.client.workflowService.getSystemInfo({});
  }

  private async update(
    workflowId: string,
    run: (handle: ReturnType<Client['workflow']['getHandle']>) => Promise<DebtorView>,
  ): Promise<DebtorView> {
    return this.withErrors(workflowId, async () => {
      try {
        return await run(this.client.workflow.getHandle(workflowId));
      } catch (err) {
        if (err instanceof WorkflowUpdateFailedError) {
          throw new GatewayError('rejected', err.cause?.message ?? err.message);
        }
        throw err;
      }
    });
  }

  private async withErrors<T>(workflowId: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) throw new GatewayError('not_found', `no running workflow ${workflowId}`);
      throw err;
    }
  }
}
