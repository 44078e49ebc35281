import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import mongoose, { type Model } from 'mongoose';
import type { KpiAccountDoc, KpiRollupDoc, KpiRollupLockDoc } from '../models/kpi-rollup.model';
import { isDuplicateKeyError } from '../duplicate-key';

/** Which counters one increment adds to. */
export interface RollupKey {
  scope: 'collections' | 'survey';
  campaignId: string;
  campaignVersion: number;
  /** Any instant of the hour. */
  at: number;
  strategy: string;
  segment: string;
  language: string;
  channel: string;
}

/** Fact name → amount; `answered` holds a count per question id. */
export type RollupCounts = Record<string, number | Record<string, number> | undefined>;

export type AccountDimensions = Pick<KpiAccountDoc, 'strategy' | 'segment' | 'language'>;

const hourMs = 3_600_000;
/** Far above one `$inc`: a lock older than this was left by a writer that died. */
const lockMs = 10_000;
const lockRounds = 400;

/** A question id as a counter's field name: MongoDB reads '.' as a path and '$' as an operator. */
const fieldName = (id: string) => encodeURIComponent(id).replaceAll('.', '%2E');

function incrementsOf(counts: RollupCounts): Record<string, number> {
  const inc: Record<string, number> = {};
  for (const [name, value] of Object.entries(counts)) {
    if (typeof value === 'number') inc[`counts.${name}`] = value;
    else for (const [id, n] of Object.entries(value ?? {})) inc[`counts.${name}.${fieldName(id)}`] = n;
  }
  return inc;
}

/** The stored counts as named: question ids decoded again. */
export function storedCounts(doc: Pick<KpiRollupDoc, 'counts'>): RollupCounts {
  const counts = { ...(doc.counts as RollupCounts) };
  const answered = counts.answered;
  if (typeof answered === 'object') counts.answered = Object.fromEntries(Object.entries(answered).map(([id, n]) => [decodeURIComponent(id), n]));
  return counts;
}

/** KPI counters by hour and dimensions, and the dimensions each debtor account is counted under. */
export function createKpiRollupRepository(models: { kpiRollups: Model<KpiRollupDoc>; kpiAccounts: Model<KpiAccountDoc>; kpiRollupLocks: Model<KpiRollupLockDoc> }) {
  const { kpiRollups, kpiAccounts, kpiRollupLocks } = models;

  /** Waits until this writer holds `key`'s lock; returns its token. */
  const lock = async (key: string): Promise<string> => {
    const token = randomUUID();
    for (let round = 0; round < lockRounds; round++) {
      try {
        await kpiRollupLocks.create({ key, token, until: new Date(Date.now() + lockMs) });
        return token;
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
      }
      const held = await kpiRollupLocks.findOne({ key }).lean();
      if (held && held.until.getTime() < Date.now()) await kpiRollupLocks.deleteOne({ key, token: held.token });
      else await sleep(Math.random() * Math.min(50, 5 * (round + 1)));
    }
    throw new Error(`KPI rollup ${key.split('\n')[1]}: still locked after ${lockRounds} tries (too many concurrent writers)`);
  };

  return {
    /** Adds to the hour's counters (`$inc` on an upsert, one document per key), one writer at a time. */
    async add(key: RollupKey, counts: RollupCounts): Promise<void> {
      const $inc = incrementsOf(counts);
      if (Object.keys($inc).length === 0) return;
      const { at, ...dimensions } = key;
      const filter = { ...dimensions, hour: new Date(Math.floor(at / hourMs) * hourMs) };
      const lockKey = [filter.scope, filter.campaignId, filter.hour.getTime(), filter.campaignVersion, filter.strategy, filter.segment, filter.language, filter.channel].join('\n');
      const token = await lock(lockKey);
      try {
        await kpiRollups.updateOne(filter, { $inc }, { upsert: true });
      } finally {
        await kpiRollupLocks.deleteOne({ key: lockKey, token });
      }
    },

    async noteAccount(workflowId: string, dimensions: AccountDimensions): Promise<void> {
      await kpiAccounts.updateOne({ workflowId }, { $set: dimensions }, { upsert: true });
    },

    accountOf: (workflowId: string) => kpiAccounts.findOne({ workflowId }).lean(),

    /** The counters of [start, end), of one campaign or survey or all of the scope. */
    inRange: (query: { scope: RollupKey['scope']; campaignId?: string; start: Date; end: Date }) =>
      kpiRollups
        // trusted: our own operators on Dates; sanitizeFilter would make them literals.
        .find({ scope: query.scope, ...(query.campaignId ? { campaignId: query.campaignId } : {}), hour: mongoose.trusted({ $gte: query.start, $lt: query.end }) })
        .lean(),
  };
}
