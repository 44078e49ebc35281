import type { Model } from 'mongoose';

/** MongoDB's E11000: a unique index refused the write, so someone else wrote that key first. */
export function isDuplicateKeyError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;
}

/**
 * The document under `filter`, inserted with `insert` only if there is none: a repeated import row
 * keeps the first one's data. Two writers inserting at the same moment both get the stored one
 * (the loser's upsert hits the unique index and reads again).
 */
export async function storeOnceUnder<Doc>(model: Model<Doc>, filter: Record<string, unknown>, insert: Record<string, unknown>): Promise<Doc> {
  const upsert = () => model.findOneAndUpdate(filter, { $setOnInsert: insert }, { upsert: true, returnDocument: 'after' }).lean<Doc>().orFail();
  try {
    return await upsert();
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    return upsert();
  }
}
