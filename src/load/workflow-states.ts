import type { Client } from '@temporalio/client';

// Where each workflow of a run ended, against where it should be: lost (never started), not in
// the expected state (failed, terminated, timed out...), or stuck (in the expected state, but what
// it should have done by now is not in the simulator's ledger).

export interface EndStates {
  expected: number;
  /** Workflows found, by status (RUNNING, COMPLETED, FAILED...). */
  byStatus: Record<string, number>;
  lost: number;
  notInExpectedState: number;
  stuck: number;
  /** A few ids of each problem, for the report. */
  examples: string[];
}

/** Every execution of a workflow type, by id (the latest run of each id). */
export async function workflowStatuses(client: Client, workflowType: string): Promise<Map<string, string>> {
  const statuses = new Map<string, string>();
  for await (const execution of client.workflow.list({ query: `WorkflowType = '${workflowType}'` })) {
    if (!statuses.has(execution.workflowId)) statuses.set(execution.workflowId, execution.status.name);
  }
  return statuses;
}

export function checkEndStates(expectedIds: readonly string[], statuses: ReadonlyMap<string, string>, expectedStatus: string, didItsWork: (id: string) => boolean): EndStates {
  const byStatus: Record<string, number> = {};
  for (const status of statuses.values()) byStatus[status] = (byStatus[status] ?? 0) + 1;
  const result: EndStates = { expected: expectedIds.length, byStatus, lost: 0, notInExpectedState: 0, stuck: 0, examples: [] };
  const note = (what: string, id: string) => {
    if (result.examples.length < 10) result.examples.push(`${what}: ${id}`);
  };
  for (const id of expectedIds) {
    const status = statuses.get(id);
    if (status === undefined) {
      result.lost++;
      note('lost', id);
    } else if (status !== expectedStatus) {
      result.notInExpectedState++;
      note(status, id);
    } else if (!didItsWork(id)) {
      result.stuck++;
      note('stuck', id);
    }
  }
  return result;
}
