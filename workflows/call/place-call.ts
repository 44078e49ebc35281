import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';
import type { PlaceCallInput } from '../../activities/call.activities';
import { callPlacer } from './call-activities';
import type { PlacedCall } from './call.messages';

/**
 * Places an outbound call (a debtor's or a respondent's) and waits for its final status;
 * undefined when it was refused: an opted-out number or a number Twilio will not call, which no
 * retry fixes.
 */
export async function placeOutboundCall(voiceQueue: string, call: PlaceCallInput): Promise<PlacedCall | undefined> {
  try {
    return await callPlacer(voiceQueue).placeCall(call);
  } catch (err) {
    const type = err instanceof ActivityFailure && err.cause instanceof ApplicationFailure ? err.cause.type : undefined;
    if (type !== 'CallRejected' && type !== 'ContactNotAllowed') throw err;
    return undefined;
  }
}

/** A call's workflow id: its debtor's or respondent's workflow id, then the attempt key's own part (cycle, step, retry). */
export function callWorkflowIdFor(workflowId: string, attemptKey: string): string {
  const suffix = attemptKey.startsWith(`${workflowId}/`) ? attemptKey.slice(workflowId.length + 1) : attemptKey;
  return `${workflowId}/call/${suffix}`;
}
