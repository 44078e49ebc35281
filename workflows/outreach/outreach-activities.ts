import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';

// Activity stubs for the outreach workflows, with retry policies named for what they protect.

const patientRetry = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 20 };

/**
 * Reads that decide the next contact (the campaign version, the consent ledger), run in the
 * workflow's own worker as local activities: they are recorded with the workflow task that asked
 * for them instead of a round trip through the server each, so a first contact reaches Twilio
 * in the workflow's first task.
 */
export const reads = proxyLocalActivities<Activities>({
  startToCloseTimeout: '10 seconds',
  localRetryThreshold: '10 seconds',
  retry: patientRetry,
});

/** Bookkeeping writes (audit, status mirror, tasks, ledger): idempotent, so retry patiently. */
export const records = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: patientRetry,
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
