import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { placeCallActivityId } from './call.messages';

// Activity stubs for the call workflow, with retry policies named for what they protect.

/** Call bookkeeping (setup, turn records): idempotent writes, retried briskly during a live call. */
export const calls = proxyActivities<Activities>({
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '500 milliseconds', backoffCoefficient: 2, maximumInterval: '10 seconds', maximumAttempts: 10 },
});

/**
 * The call itself, on the rate-limited voice queue. It completes asynchronously when Twilio's
 * final status callback arrives; webhooks and progress callbacks heartbeat it, and a heartbeat
 * timeout (a lost callback) retries it, which asks Twilio for the status instead of calling again.
 * Twilio ends any call after 4 hours.
 */
export function callPlacer(taskQueue: string) {
  return proxyActivities<Activities>({
    taskQueue,
    activityId: placeCallActivityId,
    scheduleToCloseTimeout: '5 hours',
    startToCloseTimeout: '270 minutes',
    heartbeatTimeout: '2 minutes',
    retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', nonRetryableErrorTypes: ['CallRejected', 'ContactNotAllowed'] },
  });
}

/**
 * The service's own voice and ears (SPEECH_ENGINE=local|openai) on a live call: two quick tries,
 * then Twilio's <Say> speaks the line, or the answer counts as not heard and is asked again.
 */
export const speech = proxyActivities<Activities>({
  startToCloseTimeout: '8 seconds',
  retry: { initialInterval: '200 milliseconds', maximumAttempts: 2 },
});

/**
 * The dialog engine's decision, recorded in the history (a pure function: a retry is for a lost
 * worker), so a dialog change deployed later cannot change what a live call decided on replay.
 */
export const dialog = proxyLocalActivities<Activities>({ startToCloseTimeout: '5 seconds', retry: { maximumAttempts: 3 } });

/** An LLM turn is worth one try: on a live call the rule engine answers at once instead. */
export function llmTurns(timeoutMs: number) {
  return proxyActivities<Activities>({ startToCloseTimeout: timeoutMs, retry: { maximumAttempts: 1 } });
}
