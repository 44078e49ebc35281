import {
  ActivityNotFoundError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateStage,
  type Client,
} from '@temporalio/client';
import { callSummaryQuery, callWebhookUpdate, lastHeardQuery, placeCallActivityId, type CallWebhookEvent, type PlacedCall } from '../../workflows/call/call.messages';
import { WorkflowIdConflictPolicy } from '@temporalio/common';
import { selfCheckStatusQuery, selfCheckWorkflow, type SelfCheckStatus } from '../../workflows/self-check.workflow';
import type { SelfCheckRecord } from '../../activities/self-check.activities';
import { debtorWorkflow } from '../../workflows/debtor/debtor.workflow';
import { campaignBroadcastWorkflow } from '../../workflows/campaign/campaign-broadcast.workflow';
import {
  broadcastProgressQuery,
  type BroadcastProgress,
  type CampaignBroadcastInput,
  type CampaignBroadcasts,
  type CampaignNotice,
} from '../../workflows/campaign/campaign-broadcast.messages';
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
  type PauseSource,
  type DebtorWorkflowInput,
  type HumanResolution,
  type InboundSms,
  type PaymentReceived,
  type PlanRequest,
  type PromiseToPay,
  type SmsDeliveryStatus,
} from '../../workflows/debtor/debtor.messages';
import { actedBy, type Acting } from '../../workflows/outreach/outreach.messages';
import { GatewayError } from './gateway-error';
import { workflowTexts } from './person-texts';
import type { HistoryText } from '../audit/timeline/timeline-records';
import { RespondentGateway } from './respondent-gateway';
import { taskQueuesFor, type TaskQueues } from './task-queues';
import { updateWorkflow, withErrors, type WorkflowHandle } from './workflow-calls';

/**
 * The only place that knows workflow ids, task queues and message names. HTTP routes, webhooks
 * and the CLI call these methods; they never build a workflow id themselves.
 */
export class TemporalGateway {
  readonly queues: TaskQueues;
  /** Survey respondents' workflows. */
  readonly respondents: RespondentGateway;

  constructor(
    readonly client: Client,
    mainQueue: string,
  ) {
    this.queues = taskQueuesFor(mainQueue);
    this.respondents = new RespondentGateway(client, this.queues);
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

  recordPromise(workflowId: string, promise: PromiseToPay & Acting): Promise<DebtorView> {
    return this.update(workflowId, (h) => h.executeUpdate(recordPromiseUpdate, { args: [promise] }));
  }
  agreePlan(workflowId: string, plan: PlanRequest & Acting): Promise<DebtorView> {
    return this.update(workflowId, (h) => h.executeUpdate(agreePlanUpdate, { args: [plan] }));
  }
  dispute(workflowId: string, reason: string, actor?: string): Promise<DebtorView> {
    return this.update(workflowId, (h) => h.executeUpdate(disputeUpdate, { args: [{ reason, ...actedBy(actor) }] }));
  }
  ceaseCommunication(workflowId: string, source: string, actor?: string): Promise<DebtorView> {
    return this.update(workflowId, (h) => h.executeUpdate(ceaseCommunicationUpdate, { args: [{ source, ...actedBy(actor) }] }));
  }
  /** `updateId`: a repeat with the same id gets the first one's answer instead of pausing again. */
  pause(workflowId: string, reason: string, by: PauseSource = 'operator', updateId?: string, actor?: string): Promise<DebtorView> {
    return this.update(workflowId, (h) => h.executeUpdate(pauseUpdate, { args: [{ reason, by, ...actedBy(actor) }], ...(updateId ? { updateId } : {}) }));
  }
  resume(workflowId: string, by: PauseSource = 'operator', updateId?: string, actor?: string): Promise<DebtorView> {
    return this.update(workflowId, (h) => h.executeUpdate(resumeUpdate, { args: [{ by, ...actedBy(actor) }], ...(updateId ? { updateId } : {}) }));
  }
  close(workflowId: string, reason: string, actor?: string): Promise<DebtorView> {
    return this.update(workflowId, (h) => h.executeUpdate(closeUpdate, { args: [{ reason, ...actedBy(actor) }] }));
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

  /** Tells a running debtor workflow about a new campaign version (GatewayError not_found when it has ended). */
  campaignUpdated(workflowId: string, version: number): Promise<void> {
    return this.withErrors(workflowId, () => this.client.workflow.getHandle(workflowId).signal(campaignUpdatedSignal, { version }));
  }

  /** The texts a person's workflow sent and received, from its history (every run), decoded; GatewayError not_found when it never ran. */
  workflowTexts(workflowId: string): Promise<HistoryText[]> {
    return this.withErrors(workflowId, () => workflowTexts(this.client, workflowId));
  }

  // ---- Campaigns -----------------------------------------------------------------------------

  /**
   * Starts telling every running debtor of the campaign of a change, durably (a workflow of its
   * own), and waits up to waitMs for it to finish. A newer change of the same kind (pause or
   * resume; a version) replaces a broadcast of it still running.
   */
  async broadcastToCampaign(
    campaignId: string,
    notice: CampaignNotice,
    waitMs: number,
    paging: Pick<CampaignBroadcastInput, 'pageSize' | 'pagesPerRun'> = {},
  ): Promise<{ workflowId: string; progress: BroadcastProgress }> {
    const workflowId = TemporalGateway.broadcastWorkflowId(campaignId, notice.kind === 'version' ? 'version' : 'pause');
    const handle = await this.client.workflow.start(campaignBroadcastWorkflow, {
      workflowId,
      taskQueue: this.queues.main,
      args: [{ campaignId, notice, ...paging }],
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.TERMINATE_EXISTING,
    });
    const finished = await settledWithin(handle.result(), waitMs);
    if (finished) return { workflowId, progress: finished.value };
    // Not a reason to fail the request: the broadcast goes on whether or not its progress can be read now.
    const progress = await handle.query(broadcastProgressQuery).catch(() => ({ updated: 0, skipped: 0, done: false }));
    return { workflowId, progress };
  }

  /** The latest broadcast of each kind, if one ran: its workflow and how far it got. */
  async campaignBroadcasts(campaignId: string): Promise<CampaignBroadcasts> {
    const found: CampaignBroadcasts = {};
    for (const kind of ['pause', 'version'] as const) {
      const workflowId = TemporalGateway.broadcastWorkflowId(campaignId, kind);
      const handle = this.client.workflow.getHandle<typeof campaignBroadcastWorkflow>(workflowId);
      try {
        const { status } = await handle.describe();
        // A terminated one was replaced by a newer one, which describe() would have shown instead.
        const progress = status.name === 'RUNNING' ? await handle.query(broadcastProgressQuery) : status.name === 'COMPLETED' ? await handle.result() : undefined;
        if (progress) found[kind] = { workflowId, ...progress };
      } catch (err) {
        if (!(err instanceof WorkflowNotFoundError)) throw err;
      }
    }
    return found;
  }

  /** One broadcast of each kind per campaign at a time: pause and resume share one. */
  private static broadcastWorkflowId(campaignId: string, kind: 'pause' | 'version'): string {
    return `campaign/${campaignId}/broadcast/${kind}`;
  }

  // ---- Calls ---------------------------------------------------------------------------------

  /**
   * A voice webhook as an Update on its call workflow; the Update's result is the TwiML Twilio
   * runs next. The updateId (CallSid + webhook + turn) makes a repeated webhook get the first
   * one's answer. Resolves `pending` when the turn is not ready within waitMs: the caller answers
   * a holding prompt and picks the result up later with awaitCallTurn(updateId). The deadline
   * covers the Update's acceptance too: right after a worker or server restart acceptance alone can
   * outlast Twilio's 15 s, and the start goes on in the background while the caller holds.
   */
  async callWebhook(callWorkflowId: string, event: CallWebhookEvent, updateId: string, waitMs: number): Promise<CallTurnAnswer> {
    this.heartbeatCall(callWorkflowId);
    return this.withErrors(callWorkflowId, async () => {
      try {
        const deadline = Date.now() + waitMs;
        const handle = this.client.workflow.getHandle(callWorkflowId);
        const started = handle.startUpdate(callWebhookUpdate, { args: [event], updateId, waitForStage: WorkflowUpdateStage.ACCEPTED });
        const accepted = await settledWithin(started, waitMs);
        if (!accepted) return { ready: false };
        return await within(accepted.value.result(), Math.max(0, deadline - Date.now()));
      } catch (err) {
        if (err instanceof WorkflowUpdateFailedError) throw new GatewayError('rejected', err.cause?.message ?? err.message);
        throw err;
      }
    });
  }

  /**
   * The result of a call Update started earlier (see callWebhook), if ready within waitMs. An
   * Update the server does not know yet (its start is still on its way) is not ready either.
   */
  async awaitCallTurn(callWorkflowId: string, updateId: string, waitMs: number): Promise<CallTurnAnswer> {
    return this.withErrors(callWorkflowId, async () => {
      try {
        return await within(this.client.workflow.getHandle(callWorkflowId).getUpdateHandle<string>(updateId).result(), waitMs);
      } catch (err) {
        if (err instanceof WorkflowUpdateFailedError) throw new GatewayError('rejected', err.cause?.message ?? err.message);
        if (isUpdateNotFound(err)) return { ready: false };
        throw err;
      }
    });
  }

  /** The hand-off summary the agent hears before being connected. */
  callSummary(callWorkflowId: string): Promise<string> {
    return this.withErrors(callWorkflowId, () => this.client.workflow.getHandle(callWorkflowId).query(callSummaryQuery));
  }

  /** What the caller said in the call's last turn, redacted; nothing when the call cannot say. */
  lastHeard(callWorkflowId: string): Promise<string> {
    return this.client.workflow
      .getHandle(callWorkflowId)
      .query(lastHeardQuery)
      .catch(() => '');
  }

  /**
   * Twilio's call status callback: a final status completes the call's placeCall activity (async
   * completion by workflow id + activity id); a progress event heartbeats it. An activity already
   * completed (a retry fetched the status itself) makes the callback moot.
   */
  async callStatus(callWorkflowId: string, report: PlacedCall | { status: 'progress' }): Promise<void> {
    const activity = { workflowId: callWorkflowId, activityId: placeCallActivityId };
    try {
      if (report.status === 'progress') await this.client.activity.heartbeat(activity);
      else await this.client.activity.complete(activity, report);
    } catch (err) {
      if (err instanceof ActivityNotFoundError) return;
      throw err;
    }
  }

  /** Each webhook shows the call is alive: the placeCall activity's heartbeat timeout catches lost callbacks only. */
  private heartbeatCall(callWorkflowId: string): void {
    this.callStatus(callWorkflowId, { status: 'progress' }).catch(() => undefined);
  }

  /**
   * Whether a person's workflow (debtor or respondent) is still running, or when it closed;
   * undefined when the server no longer has it (closed longer ago than the namespace's retention).
   */
  async personWorkflow(workflowId: string): Promise<{ running: true } | { running: false; closedAt?: Date } | undefined> {
    try {
      const { status, closeTime } = await this.client.workflow.getHandle(workflowId).describe();
      return status.name === 'RUNNING' ? { running: true } : { running: false, closedAt: closeTime };
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return undefined;
      throw err;
    }
  }

  /** Reachability for /readyz: a cheap call the frontend answers only when it is serving. */
  async ping(): Promise<void> {
    await this.client.workflowService.getSystemInfo({});
  }

  private update(workflowId: string, run: (handle: WorkflowHandle) => Promise<DebtorView>): Promise<DebtorView> {
    return updateWorkflow(this.client, workflowId, run);
  }

  private withErrors<T>(workflowId: string, run: () => Promise<T>): Promise<T> {
    return withErrors(workflowId, run);
  }
}

export type CallTurnAnswer = { ready: true; twiml: string } | { ready: false };

/**
 * The SDK reports a poll for an Update the server has no record of as WorkflowNotFoundError, with
 * the message `update "<id>" not found` (a missing workflow says otherwise).
 */
function isUpdateNotFound(err: unknown): boolean {
  return err instanceof WorkflowNotFoundError && /^update ".*" not found/.test(err.message);
}

/** The value if it settles within `ms`; otherwise not ready (the promise's later failure is dropped). */
async function within(result: Promise<string>, ms: number): Promise<CallTurnAnswer> {
  const settled = await settledWithin(result, ms);
  return settled ? { ready: true, twiml: settled.value } : { ready: false };
}

/** The promise's value if it settles within `ms`, else undefined (a rejection within `ms` is thrown). */
function settledWithin<T>(result: Promise<T>, ms: number): Promise<{ value: T } | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  const ready = result.then((value) => ({ value }));
  ready.catch(() => undefined);
  return Promise.race([ready, late]).finally(() => clearTimeout(timer));
}
