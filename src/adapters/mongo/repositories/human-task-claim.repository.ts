import mongoose, { type Model } from 'mongoose';
import type { HumanTaskClaimDoc } from '../models/human-task-claim.model';
import { isDuplicateKeyError } from '../duplicate-key';

export interface TaskHolder {
  agent: string;
  claimedAt: Date;
}

/** How often a claim that lost looks for the holder again, when the holder let go in between. */
const claimRounds = 3;

/** Who holds which open task: one document per held task, under a unique taskId. */
export function createHumanTaskClaimRepository(claims: Model<HumanTaskClaimDoc>) {
  const holderOf = (taskId: string) => claims.findOne({ taskId }).select({ _id: 0, agent: 1, claimedAt: 1 }).lean<TaskHolder>();

  return {
    holderOf,

    /** The holders of the given tasks, by task id (a task nobody holds is absent). */
    async holdersOf(taskIds: string[]): Promise<Map<string, TaskHolder>> {
      // trusted(): our own operator on task ids read from the database; sanitizeFilter would quote it.
      const found = await claims.find({ taskId: mongoose.trusted({ $in: taskIds }) }).lean();
      return new Map(found.map((claim) => [claim.taskId, { agent: claim.agent, claimedAt: claim.claimedAt }]));
    },

    /**
     * Takes the task for `agent` unless someone holds it: the unique index lets exactly one of two
     * simultaneous claims in. Claiming a task one already holds wins again, and keeps its time.
     */
    async claim(taskId: string, agent: string): Promise<{ won: boolean; holder: TaskHolder }> {
      for (let round = 0; round < claimRounds; round++) {
        try {
          const claimedAt = new Date();
          await claims.create({ taskId, agent, claimedAt });
          return { won: true, holder: { agent, claimedAt } };
        } catch (err) {
          if (!isDuplicateKeyError(err)) throw err;
        }
        const holder = await holderOf(taskId);
        if (holder) return { won: holder.agent === agent, holder };
      }
      throw new Error(`task ${taskId}: claimed and released ${claimRounds} times while this claim was made`);
    },

    /** Lets go of the task: only `agent`'s claim, or anyone's when `agent` is undefined. Whether a claim was deleted. */
    async release(taskId: string, agent?: string): Promise<boolean> {
      const deleted = await claims.deleteOne({ taskId, ...(agent === undefined ? {} : { agent }) });
      return deleted.deletedCount > 0;
    },
  };
}
