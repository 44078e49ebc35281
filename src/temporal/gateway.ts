import type { Client } from '@temporalio/client';
import { selfCheckStatusQuery, selfCheckWorkflow, type SelfCheckStatus } from '../../workflows/self-check.workflow';
import type { SelfCheckRecord } from '../../activities/self-check.activities';

/**
 * The only place that knows workflow ids, task queues and message names. HTTP routes, webhooks
 * and the CLI call these methods; they never build a workflow id themselves.
 */
export class TemporalGateway {
  constructor(
    readonly client: Client,
    readonly taskQueue: string,
  ) {}

  static selfCheckWorkflowId(checkId: string): string {
    return `self-check/${checkId}`;
  }

  async runSelfCheck(checkId: string, requestedBy: string): Promise<SelfCheckRecord> {
    return this.client.workflow.execute(selfCheckWorkflow, {
      workflowId: TemporalGateway.selfCheckWorkflowId(checkId),
      taskQueue: this.taskQueue,
      args: [{ checkId, requestedBy }],
      workflowExecutionTimeout: '2 minutes',
    });
  }

  async selfCheckStatus(checkId: string): Promise<SelfCheckStatus> {
    return this.client.workflow.getHandle(TemporalGateway.selfCheckWorkflowId(checkId)).query(selfCheckStatusQuery);
  }

  /** Reachability for /readyz: a cheap call the frontend answers only when it is serving. */
  async ping(): Promise<void> {
    await this.client.workflowService.getSystemInfo({});
  }
}
