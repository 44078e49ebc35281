import { isGrpcServiceError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { PayloadConverter } from '@temporalio/common';
import { historyToJSON, JSONToPayload, type JSONPayload } from '@temporalio/common/lib/proto-utils';
import type { Activities } from '../../activities';
import type { AuditContent } from '../audit/audit-entry';
import type { HistoryAuditWrite } from '../audit/audit-history-agreement';
import type { SubjectHistory } from '../audit/audit-verification';
import { decodeHistoryJson, workflowRunHistories } from './workflow-histories';

// What a workflow's history says it wrote to the audit log: each `recordAudit` it scheduled, with
// the input as the workflow sent it, and whether the activity completed.

const auditActivity = 'recordAudit' satisfies keyof Activities;

/** gRPC's NOT_FOUND: how the server answers a history request for a workflow id it does not have. */
const grpcNotFound = 5;
const isNotFound = (err: unknown) => err instanceof WorkflowNotFoundError || (isGrpcServiceError(err) && err.code === grpcNotFound);

interface JsonEvent {
  eventId: string;
  eventTime?: string;
  activityTaskScheduledEventAttributes?: { activityType?: { name?: string }; input?: { payloads?: JSONPayload[] } };
  activityTaskCompletedEventAttributes?: { scheduledEventId?: string };
}

function auditWritesOf(events: readonly JsonEvent[], converter: PayloadConverter): HistoryAuditWrite[] {
  const completed = new Set(events.flatMap((event) => event.activityTaskCompletedEventAttributes?.scheduledEventId ?? []));
  return events.flatMap((event) => {
    const scheduled = event.activityTaskScheduledEventAttributes;
    const payload = scheduled?.input?.payloads?.[0];
    if (scheduled?.activityType?.name !== auditActivity || payload === undefined) return [];
    return [{ input: converter.fromPayload<AuditContent>(JSONToPayload(payload)), scheduledAt: new Date(event.eventTime ?? 0), completed: completed.has(event.eventId) }];
  });
}

/**
 * The audit writes in every run of the workflow (following continue-as-new), decoded with the
 * client's codec; undefined when Temporal has no such workflow (never started, or past its
 * namespace's retention).
 */
export async function auditWritesInHistory(client: Client, workflowId: string): Promise<SubjectHistory | undefined> {
  const runs = await workflowRunHistories(client, workflowId).catch((err: unknown) => {
    if (isNotFound(err)) return undefined;
    throw err;
  });
  if (!runs) return undefined;
  const { payloadCodecs, payloadConverter } = client.options.loadedDataConverter;
  const writes: HistoryAuditWrite[] = [];
  for (const run of runs) {
    const history = await decodeHistoryJson(JSON.parse(historyToJSON(run.history)) as Record<string, unknown>, payloadCodecs);
    writes.push(...auditWritesOf((history.events ?? []) as JsonEvent[], payloadConverter));
  }
  return { runs: runs.length, writes };
}
