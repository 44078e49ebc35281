import { AppError } from '../errors/app-error';
import type { Principal } from '../auth/roles';
import type { UseCaseDeps } from './use-case-deps';

// An agent takes a task from the queue before working it, so two agents never work one person at
// once: the claim is the database's unique index (human-task-claim.repository.ts), and only the
// holder, or an admin, resolves or releases a claimed task. Each claim, release and resolution is
// noted on the task with who and when.

export type Agent = Pick<Principal, 'actor' | 'role'>;

export interface Claim {
  taskId: string;
  claimedBy: string;
  claimedAt: Date;
}

async function openTask(deps: UseCaseDeps, taskId: string) {
  const task = await deps.mongo.repositories.humanTasks.byTaskId(taskId);
  if (!task) throw new AppError('not_found', `no human task '${taskId}'`, 404);
  if (task.status !== 'open') throw new AppError('task_resolved', `task '${taskId}' is already resolved`, 409);
  return task;
}

function heldByAnother(taskId: string, holder: { agent: string; claimedAt: Date }): AppError {
  return new AppError('task_claimed', `task '${taskId}' is claimed by ${holder.agent} (since ${holder.claimedAt.toISOString()})`, 409);
}

export async function claimHumanTask(deps: UseCaseDeps, taskId: string, agent: Agent): Promise<Claim> {
  await openTask(deps, taskId);
  const { won, holder } = await deps.mongo.repositories.humanTaskClaims.claim(taskId, agent.actor);
  if (!won) throw heldByAnother(taskId, holder);
  await deps.mongo.repositories.humanTasks.noteAgentAction(taskId, { action: 'claimed', by: agent.actor, at: holder.claimedAt });
  return { taskId, claimedBy: holder.agent, claimedAt: holder.claimedAt };
}

/** Lets go of a task so another agent may take it: the holder's own, or any claim for an admin. */
export async function releaseHumanTask(deps: UseCaseDeps, taskId: string, agent: Agent): Promise<{ taskId: string; released: boolean }> {
  await requireHolderOrAdmin(deps, taskId, agent);
  const released = await deps.mongo.repositories.humanTaskClaims.release(taskId, agent.role === 'admin' ? undefined : agent.actor);
  if (released) await deps.mongo.repositories.humanTasks.noteAgentAction(taskId, { action: 'released', by: agent.actor, at: new Date() });
  return { taskId, released };
}

/** Refuses (409, naming the holder) an agent acting on a task someone else holds; a task nobody holds is anyone's. */
export async function requireHolderOrAdmin(deps: UseCaseDeps, taskId: string, agent: Agent): Promise<void> {
  const holder = await deps.mongo.repositories.humanTaskClaims.holderOf(taskId);
  if (holder && holder.agent !== agent.actor && agent.role !== 'admin') throw heldByAnother(taskId, holder);
}

/** After the workflow took the resolution: the claim ends, and the task notes who resolved it. */
export async function noteResolved(deps: UseCaseDeps, taskId: string, agent: Agent, outcome: string): Promise<void> {
  await deps.mongo.repositories.humanTaskClaims.release(taskId);
  await deps.mongo.repositories.humanTasks.noteAgentAction(taskId, { action: 'resolved', by: agent.actor, at: new Date(), outcome });
}
