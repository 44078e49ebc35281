import type { Model } from 'mongoose';
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

/** Work handed to a person. Opened once per task id; only an open task is changed or resolved. */
export function createHumanTaskRepository(humanTasks: Model<HumanTaskDoc>) {
  return {
    async open(task: NewHumanTask): Promise<void> {
      await humanTasks.updateOne({ taskId: task.taskId }, { $setOnInsert: { ...task, status: 'open', openedAt: new Date() } }, { upsert: true });
    },

    async describe(taskId: string, about: { reason: string; summary: string }): Promise<void> {
      await humanTasks.updateOne({ taskId, status: 'open' }, { $set: about });
    },

    async resolve(taskId: string, resolution: unknown): Promise<void> {
      await humanTasks.updateOne({ taskId, status: 'open' }, { $set: { status: 'resolved', resolvedAt: new Date(), resolution } });
    },
  };
}
