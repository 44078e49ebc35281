import { actedBy } from '../../workflows/outreach/outreach.messages';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { WorkflowIdConflictPolicy } from '@temporalio/common';
import {
  pauseRespondentUpdate,
  resolveFollowUpUpdate,
  respondentStateQuery,
  resumeRespondentUpdate,
  type FollowUpResolution,
  type RespondentView,
  type RespondentWorkflowInput,
} from '../../workflows/respondent/respondent.messages';
import type { PauseSource } from '../../workflows/outreach/outreach-state';
import type { TaskQueues } from './task-queues';
import { updateWorkflow, withErrors, type WorkflowHandle } from './workflow-calls';

/** Survey respondents' workflows: their ids, starts, state and operator actions. */
export class RespondentGateway {
  constructor(
    private readonly client: Client,
    private readonly queues: TaskQueues,
  ) {}

  /** One workflow per (survey, respondent): the business key is the workflow id. */
  static workflowId(surveyId: string, respondentRef: string): string {
    return `respondent/${surveyId}/${respondentRef}`;
  }

  /** Starts the respondent's workflow unless one with the same id runs or has run: importing again starts nothing. */
  async start(input: Omit<RespondentWorkflowInput, 'queues'>): Promise<{ workflowId: string; started: boolean }> {
    const workflowId = RespondentGateway.workflowId(input.surveyId, input.respondent.respondentRef);
    try {
      await this.client.workflow.start('respondentWorkflow', {
        workflowId,
        taskQueue: this.queues.main,
        args: [{ ...input, queues: { sms: this.queues.sms, voice: this.queues.voice } } satisfies RespondentWorkflowInput],
        workflowIdConflictPolicy: WorkflowIdConflictPolicy.FAIL,
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
      return { workflowId, started: true };
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) return { workflowId, started: false };
      throw err;
    }
  }

  state(workflowId: string): Promise<RespondentView> {
    return withErrors(workflowId, () => this.client.workflow.getHandle(workflowId).query(respondentStateQuery));
  }

  pause(workflowId: string, reason: string, by: PauseSource = 'operator', actor?: string): Promise<RespondentView> {
    return this.update(workflowId, (h) => h.executeUpdate(pauseRespondentUpdate, { args: [{ reason, by, ...actedBy(actor) }] }));
  }

  resume(workflowId: string, by: PauseSource = 'operator', actor?: string): Promise<RespondentView> {
    return this.update(workflowId, (h) => h.executeUpdate(resumeRespondentUpdate, { args: [{ by, ...actedBy(actor) }] }));
  }

  /** Whoever followed up a detractor records what was done, which closes the loop. */
  resolveFollowUp(workflowId: string, resolution: FollowUpResolution): Promise<RespondentView> {
    return this.update(workflowId, (h) => h.executeUpdate(resolveFollowUpUpdate, { args: [resolution] }));
  }

  private update(workflowId: string, run: (handle: WorkflowHandle) => Promise<RespondentView>): Promise<RespondentView> {
    return updateWorkflow(this.client, workflowId, run);
  }
}
