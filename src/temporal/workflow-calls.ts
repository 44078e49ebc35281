import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { GatewayError } from './gateway-error';

// How the gateways call a workflow: a missing workflow and a validator's refusal become
// GatewayErrors the use cases turn into 404 and 422.

export type WorkflowHandle = ReturnType<Client['workflow']['getHandle']>;

/** Runs a call on a workflow; a workflow that does not exist (or ended) is a GatewayError 'not_found'. */
export async function withErrors<T>(workflowId: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) throw new GatewayError('not_found', `no running workflow ${workflowId}`);
    throw err;
  }
}

/** Executes an update; its validator's refusal is a GatewayError 'rejected' with the workflow's reason. */
export function updateWorkflow<T>(client: Client, workflowId: string, run: (handle: WorkflowHandle) => Promise<T>): Promise<T> {
  return withErrors(workflowId, async () => {
    try {
      return await run(client.workflow.getHandle(workflowId));
    } catch (err) {
      if (err instanceof WorkflowUpdateFailedError) throw new GatewayError('rejected', err.cause?.message ?? err.message);
      throw err;
    }
  });
}
