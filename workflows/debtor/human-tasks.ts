import { condition } from '@temporalio/workflow';
import { records } from '../outreach/outreach-activities';
import { actedBy } from '../outreach/outreach.messages';
import { close, type DebtorContext } from './debtor-context';

// People: the tasks an agent works (a segment that starts with a person, a reply that needs one,
// a call handed over, a dispute), and the end of all contact when the law requires it.

const humanTaskReminderEvery = '24 hours';

export async function openHumanTask(ctx: DebtorContext, reason: string, summary: string): Promise<void> {
  const { workflowId, campaignId, state } = ctx;
  const taskId = `${workflowId}/task/${state.auditSeq}`;
  state.humanTask = { taskId, reason, openedAt: Date.now() };
  await records.openHumanTask({ taskId, workflowId, campaignId, reason, summary });
  ctx.trail.audit('human-task-opened', { taskId, reason });
}

/** Takes on the task a call posted when it handed the caller over, with what is now known. */
export async function adoptHumanTask(ctx: DebtorContext, taskId: string, reason: string, summary: string): Promise<void> {
  ctx.state.humanTask = { taskId, reason, openedAt: Date.now() };
  await records.updateHumanTask({ taskId, reason, summary });
  ctx.trail.audit('human-task-opened', { taskId, reason });
}

/** Closes a task that is moot: another task takes over, or the account is closed. */
export async function dismissHumanTask(taskId: string, why: string): Promise<void> {
  await records.closeHumanTask({ taskId, resolution: { outcome: 'superseded', notes: why } });
}

export async function waitForAgent(ctx: DebtorContext): Promise<void> {
  const { state } = ctx;
  // Taken before any await: the agent's resolution may arrive while the mirror is written.
  const task = state.humanTask!;
  ctx.setStatus('awaiting-agent');
  state.nextContact = undefined;
  ctx.mirror();
  const answered = await condition(() => state.humanTask !== task || ctx.isClosed() || state.paused, humanTaskReminderEvery);
  if (!answered) ctx.trail.audit('human-task-reminder', { taskId: task.taskId, openSince: task.openedAt });
}

/** A dispute or a cease request (12 CFR 1006.6(c)): no more collection, and a person follows up. */
export async function stopAllContact(ctx: DebtorContext, outcome: 'disputed' | 'ceased', detail: string, actor?: string): Promise<void> {
  const { workflowId, campaignId } = ctx;
  ctx.trail.audit(outcome, { detail, ...actedBy(actor) });
  await records.openHumanTask({
    taskId: `${workflowId}/task/${outcome}`,
    workflowId,
    campaignId,
    reason: outcome,
    summary: outcome === 'disputed' ? 'The debtor disputes the debt: verify before any further collection.' : 'The debtor asked us to stop communicating.',
  });
  close(ctx, outcome);
}
