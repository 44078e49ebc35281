import { AppError } from '../errors/app-error';
import type { HumanTaskRecord, QueuePosition, TaskHolder } from '../adapters/mongo/repositories';
import { TemporalGateway } from '../temporal/gateway';
import { RespondentGateway } from '../temporal/respondent-gateway';
import type { UseCaseDeps } from './use-case-deps';

// The agents' queue: tasks the workflows handed to a person, debtors' and survey follow-ups
// alike, oldest first, each with who holds it.

/** Whose task it is: a debtor of a campaign, or a respondent of a survey (a follow-up). */
export type TaskSubject = { kind: 'debtor'; campaignId: string; accountRef: string } | { kind: 'survey-follow-up'; surveyId: string; respondentRef: string };

export type QueueTask = TaskSubject & {
  taskId: string;
  status: string;
  reason: string;
  summary: string;
  /** The call's turns so far, redacted when stored; empty when the task came from no call. */
  transcript: Array<{ heard: string; said: string }>;
  openedAt: Date;
  /** How long the task has waited: until now while open, until its resolution after. */
  waitSeconds: number;
  claimedBy: TaskHolder | null;
  resolvedAt?: Date;
};

export interface QueuePage {
  tasks: QueueTask[];
  /** Pass as `cursor` for the next page; absent on the last page. */
  next?: string;
}

/** The task's person, read from its workflow id through the gateways that make those ids. */
export function subjectOf(task: Pick<HumanTaskRecord, 'workflowId' | 'campaignId'>): TaskSubject | undefined {
  const debtorPrefix = TemporalGateway.debtorWorkflowId(task.campaignId, '');
  if (task.workflowId.startsWith(debtorPrefix)) return { kind: 'debtor', campaignId: task.campaignId, accountRef: task.workflowId.slice(debtorPrefix.length) };
  const respondentPrefix = RespondentGateway.workflowId(task.campaignId, '');
  if (task.workflowId.startsWith(respondentPrefix)) {
    return { kind: 'survey-follow-up', surveyId: task.campaignId, respondentRef: task.workflowId.slice(respondentPrefix.length) };
  }
  return undefined;
}

export async function listHumanTasks(deps: UseCaseDeps, query: { status: 'open' | 'resolved'; limit: number; cursor?: string }): Promise<QueuePage> {
  const { humanTasks, humanTaskClaims } = deps.mongo.repositories;
  // One more than asked: whether it comes tells if there is a next page.
  const found = await humanTasks.page({ status: query.status, after: query.cursor ? positionIn(query.cursor) : undefined, limit: query.limit + 1 });
  const page = found.slice(0, query.limit);
  const holders = await humanTaskClaims.holdersOf(page.map((task) => task.taskId));
  const now = Date.now();
  const tasks = page.flatMap((task): QueueTask[] => {
    const subject = subjectOf(task);
    if (!subject) return [];
    const waitedUntil = task.resolvedAt?.getTime() ?? now;
    return [
      {
        ...subject,
        taskId: task.taskId,
        status: task.status,
        reason: task.reason,
        summary: task.summary,
        transcript: (task.transcript ?? []).map((turn) => ({ heard: turn.heard ?? '', said: turn.said ?? '' })),
        openedAt: task.openedAt,
        waitSeconds: Math.max(0, Math.floor((waitedUntil - task.openedAt.getTime()) / 1000)),
        claimedBy: holders.get(task.taskId) ?? null,
        ...(task.resolvedAt ? { resolvedAt: task.resolvedAt } : {}),
      },
    ];
  });
  const last = page[page.length - 1];
  return { tasks, ...(found.length > query.limit && last ? { next: cursorAt(last) } : {}) };
}

function cursorAt(task: QueuePosition): string {
  return Buffer.from(JSON.stringify([task.openedAt.getTime(), task.taskId])).toString('base64url');
}

function positionIn(cursor: string): QueuePosition {
  try {
    const [openedAt, taskId] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof openedAt === 'number' && Number.isSafeInteger(openedAt) && typeof taskId === 'string') return { openedAt: new Date(openedAt), taskId };
  } catch {
    // Not JSON: refused below like any other cursor this service did not write.
  }
  const reason = 'is not a `next` this service gave';
  throw new AppError('invalid_cursor', `cursor: ${reason}`, 400, [{ path: 'cursor', message: reason }]);
}
