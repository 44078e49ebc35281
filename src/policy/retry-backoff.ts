import { durationMillis } from '../campaigns/campaign-notation';
import type { RetrySettings } from '../campaigns/campaign-schema';

// Waiting time before the retry of a contact that failed (busy, no answer, failed call, undelivered
// text), from the step's retry settings. Each retried call is a call attempt for Regulation F, so
// the workflow still passes the retry time through nextAllowedMoment.

/**
 * Milliseconds to wait before retry number `retryNumber` (1 for the first retry):
 * initialInterval * backoffCoefficient^(retryNumber - 1), at most maximumInterval; null once the
 * step's maxRetries are used up.
 */
export function retryDelay(retry: RetrySettings, retryNumber: number): number | null {
  if (!Number.isInteger(retryNumber) || retryNumber < 1) throw new RangeError(`retry number must be 1 or more, not ${retryNumber}`);
  if (retryNumber > retry.maxRetries) return null;
  const grown = durationMillis(retry.initialInterval) * retry.backoffCoefficient ** (retryNumber - 1);
  return Math.round(Math.min(grown, durationMillis(retry.maximumInterval)));
}
