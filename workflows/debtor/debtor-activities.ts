import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';

// Activity stubs for the debtor workflow, with retry policies named for what they protect.

/** Bookkeeping writes (audit, snapshots, tasks): idempotent, so retry patiently. */
export const records = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 20 },
});

/**
 * Outbound SMS on the rate-limited SMS queue. Provider rejections that no retry can fix (invalid
 * number, opted-out recipient) are non-retryable failures the workflow records as the outcome.
 */
export function smsSender(taskQueue: string) {
  return proxyActivities<Activities>({
    taskQueue,
    startToCloseTimeout: '1 minute',
    // A worker that dies mid-send is noticed in seconds, not after the minute; the retry then
    // finds the send by its attempt key instead of sending again.
    heartbeatTimeout: '10 seconds',
    retry: {
      initialInterval: '2 seconds',
      backoffCoefficient: 2,
      maximumInterval: '2 minutes',
      maximumAttempts: 10,
      nonRetryableErrorTypes: ['SmsRejected', 'ContactNotAllowed'],
    },
  });
}

/** Outbound calls on the rate-limited voice queue. */
export function callPlacer(taskQueue: string) {
  return proxyActivities<Activities>({
    taskQueue,
    startToCloseTimeout: '5 minutes',
    retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '2 minutes', maximumAttempts: 5 },
  });
}
