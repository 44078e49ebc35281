import mongoose, { type Model } from 'mongoose';
import type { HumanTaskDoc } from '../models/human-task.model';

export interface NewHumanTask {
  taskId: string;
  workflowId: string;
  campaignId: string;
  reason: string;
  summary: string;
  callWorkflowId?: string;
  transcript?: Array<{ heard: string; said: string }>;
}

export type HumanTaskRecord = HumanTaskDoc;

/** A task's place in the queue's order: opened at, then task id among those opened at once. */
export interface QueuePosition {
  openedAt: Date;
  taskId: string;
}

export interface AgentAction {
  action: 'claimed' | 'released' | 'resolved';
  by: string;
  at: Date;
  outcome?: string;
}

// trusted(): our own operators on values the use case validated; sanitizeFilter would quote them.
const after = (position: QueuePosition | undefined) =>
  position
    ? { $or: [{ openedAt: mongoose.trusted({ $gt: position.openedAt }) }, { openedAt: position.openedAt, taskId: mongoose.trusted({ $gt: position.taskId }) }] }
    : {};

/** Work handed to a person. Opened once per task id; only an open task is changed or resolved. */
export function createHumanTaskRepository(humanTasks: Model<HumanTaskDoc>) {
  return {
    async open(task: NewHumanTask): Promise<void> {
      await humanTasks.updateOne({ taskId: task.taskId }, { $setOnInsert: { ...task, status: 'open', openedAt: new Date() } }, { upsert: true });
    },

    async describe(taskId: string, about: { reason: string; summary: string }): Promise<void> {
      await humanTasks.updateOne({ taskId, status: 'open' }, { $set: about });
    },

    byTaskId: (taskId: string) => humanTasks.findOne({ taskId }).lean<HumanTaskRecord>(),

    /** Up to `limit` tasks of one status, oldest first, after `position`. */
    page: (query: { status: 'open' | 'resolved'; after?: QueuePosition; limit: number }) =>
      humanTasks
        .find({ status: query.status, ...after(query.after) })
        .sort({ openedAt: 1, taskId: 1 })
        .limit(query.limit)
        .lean<HumanTaskRecord[]>(),

    async noteAgentAction(taskId: string, action: AgentAction): Promise<void> {
      await humanTasks.updateOne({ taskId }, { $push: { agentActions: action } });
    },

    async resolve(taskId: string, resolution: unknown): Promise<void> {
      await humanTasks.updateOne({ taskId, status: 'open' }, { $set: { status: 'resolved', resolvedAt: new Date(), resolution } });
    },
  };
}
