import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type * as workflows from '../../workflows';
import { TemporalGateway } from './gateway';
import { RespondentGateway } from './respondent-gateway';

// Which workflows an auditor's command works on: named ones, a campaign's or a survey's people
// over a time range, or any visibility query. Workflow ids carry no PII (the issue's rule), so a
// query by id prefix is safe to write in a shell history or a CI log.

export type HistorySelection =
  | { kind: 'workflows'; workflowIds: readonly string[] }
  | { kind: 'campaign' | 'survey'; id: string; from: Date; to: Date; withCalls: boolean }
  | { kind: 'query'; query: string };

type WorkflowType = keyof typeof workflows;
const personWorkflowType: Record<'campaign' | 'survey', WorkflowType> = { campaign: 'debtorWorkflow', survey: 'respondentWorkflow' };

/** A value inside a visibility query's quotes; ids with quotes or backslashes are refused, not escaped. */
function quoted(value: string, what: string): string {
  if (/['"\\]/.test(value)) throw new RangeError(`${what}: '${value}' holds a quote or a backslash, which no Parley id has`);
  return `'${value}'`;
}

/**
 * The visibility query for a campaign's or survey's people whose workflows started in [from, to):
 * each person's workflow id is `debtor/<campaign>/<account>` (or `respondent/<survey>/<ref>`) and
 * each call's starts with it, so one id prefix finds both. A continued run counts as started when
 * it continued.
 */
export function visibilityQuery(selection: Exclude<HistorySelection, { kind: 'workflows' }>): string {
  if (selection.kind === 'query') return selection.query;
  const { kind, id, from, to, withCalls } = selection;
  const prefix = kind === 'campaign' ? TemporalGateway.debtorWorkflowId(id, '') : RespondentGateway.workflowId(id, '');
  return [
    `WorkflowId STARTS_WITH ${quoted(prefix, `--${kind}`)}`,
    ...(withCalls ? [] : [`WorkflowType = '${personWorkflowType[kind]}'`]),
    `StartTime >= '${from.toISOString()}'`,
    `StartTime < '${to.toISOString()}'`,
  ].join(' AND ');
}

/**
 * The selected workflow ids, each once (visibility lists every run of a workflow), in the order
 * listed. A named workflow the server does not have is refused (a RangeError) before any work.
 */
export async function selectedWorkflowIds(client: Client, selection: HistorySelection): Promise<string[]> {
  if (selection.kind === 'workflows') {
    const ids = [...new Set(selection.workflowIds)];
    await Promise.all(ids.map((id) => client.workflow.getHandle(id).describe().catch((err: unknown) => {
      throw err instanceof WorkflowNotFoundError ? new RangeError(`no workflow '${id}' on the server`) : err;
    })));
    return ids;
  }
  const ids = new Set<string>();
  for await (const execution of client.workflow.list({ query: visibilityQuery(selection) })) ids.add(execution.workflowId);
  return [...ids];
}
