import type { Repositories } from '../adapters/mongo/repositories';
import type { RetentionPolicy } from '../config/config';
import type { Logger } from '../logging/logger';
import { deleteExpiredRecords } from '../use-cases/retention';

// Every worker process deletes expired records on an interval. Not a Temporal workflow: a run
// keeps no state between runs and its deletes by date are idempotent, so two workers running at
// once only repeat each other's work; the first run waits a minute, out of the way of the start.

const firstRunDelayMs = 60_000;

/** Starts the interval; the answer stops it and waits for a run in progress. */
export function startRetentionJob(repositories: Pick<Repositories, 'retention'>, policy: RetentionPolicy, logger: Logger): () => Promise<void> {
  let running: Promise<void> | undefined;
  const run = () => {
    if (running) return;
    running = deleteExpiredRecords(repositories, policy)
      .then((deleted) => logger.info({ deleted }, 'expired records deleted'))
      .catch((err: unknown) => logger.warn({ err }, 'deleting expired records failed; the next run tries again'))
      .finally(() => {
        running = undefined;
      });
  };
  const first = setTimeout(run, firstRunDelayMs);
  const timer = setInterval(run, policy.runEveryMs);
  first.unref();
  timer.unref();
  return async () => {
    clearTimeout(first);
    clearInterval(timer);
    await running;
  };
}
