// A task as GET /human-tasks gives it (src/use-cases/human-task-queue.ts), and where its person is.

export type QueueTask = ({ kind: 'debtor'; campaignId: string; accountRef: string } | { kind: 'survey-follow-up'; surveyId: string; respondentRef: string }) & {
  taskId: string;
  status: string;
  reason: string;
  summary: string;
  transcript: Array<{ heard: string; said: string }>;
  openedAt: string;
  waitSeconds: number;
  claimedBy: { agent: string; claimedAt: string } | null;
};

export interface QueuePage {
  tasks: QueueTask[];
  next?: string;
}

const segment = encodeURIComponent;

/** The API path of the person the task is about (their profile and state). */
export function personApiPath(task: QueueTask): string {
  return task.kind === 'debtor'
    ? `/campaigns/${segment(task.campaignId)}/debtors/${segment(task.accountRef)}`
    : `/surveys/${segment(task.surveyId)}/respondents/${segment(task.respondentRef)}`;
}

/** The console page with the person's whole story (profile, timeline, payments). */
export function personPagePath(task: QueueTask): string {
  return `/console${personApiPath(task)}`;
}

/** Where the resolution is posted: the debtor's human task, or the respondent's follow-up. */
export function resolutionPath(task: QueueTask): string {
  const kind = task.kind === 'debtor' ? 'human-tasks' : 'follow-ups';
  return `${personApiPath(task)}/${kind}/${segment(task.taskId)}/resolution`;
}

export function personName(task: QueueTask): string {
  return task.kind === 'debtor' ? `Account ${task.accountRef} · ${task.campaignId}` : `Respondent ${task.respondentRef} · ${task.surveyId}`;
}

export const claimPath = (task: QueueTask, action: 'claim' | 'release') => `/human-tasks/${segment(task.taskId)}/${action}`;
