import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../errors/app-error';

export interface RetryOptions {
  attempts: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

/** About 6 s in all: long enough to ride out a database or Temporal restart's first seconds. */
const transientRetry: RetryOptions = { attempts: 6, firstDelayMs: 200, maxDelayMs: 3000 };

/**
 * Runs `work`, trying again with exponential backoff (and jitter, so a burst of rows that failed
 * together does not retry together) when it throws anything but an AppError, whose 4xx verdict no
 * retry changes. The last failure is thrown.
 */
export async function retryTransient<T>(work: () => Promise<T>, options: RetryOptions = transientRetry): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (err instanceof AppError || attempt >= options.attempts) throw err;
      const delay = Math.min(options.firstDelayMs * 2 ** (attempt - 1), options.maxDelayMs);
      await sleep(delay / 2 + Math.random() * (delay / 2));
    }
  }
}
