import type { Model } from 'mongoose';
import type { SelfCheck } from '../models/self-check.model';

/** `parley doctor`'s records: one per check, proving a worker wrote through to the database. */
export function createSelfCheckRepository(selfChecks: Model<SelfCheck>) {
  return {
    /** The check's record, written now unless a retry finds the first write. */
    recordOnce: (check: Omit<SelfCheck, 'writtenAt'>) =>
      selfChecks.findOneAndUpdate({ checkId: check.checkId }, { $setOnInsert: { ...check, writtenAt: new Date() } }, { upsert: true, returnDocument: 'after', lean: true }).orFail(),

    byCheckId: (checkId: string) => selfChecks.findOne({ checkId }).lean(),
  };
}
