import type { DebtorProfile } from './debtor.messages';
import { callPlacer } from './debtor-activities';

// The voice step of the cadence, behind the interface the debtor workflow depends on. Until the
// voice-call workflow exists (its own issue), a call is recorded as placed and not answered, so
// the cadence, the Regulation F counting and the retries already run for real around it.

export interface CallRequest {
  attemptKey: string;
  workflowId: string;
  campaignId: string;
  campaignVersion: number;
  stepId: string;
  script: string;
  debtor: DebtorProfile;
  voiceQueue: string;
}

export interface CallOutcome {
  outcome: 'no-answer' | 'busy' | 'failed' | 'answered';
  /** A telephone conversation about the debt took place (starts Regulation F's 7 quiet days). */
  conversation: boolean;
  providerSid?: string;
}

export async function callDebtor(request: CallRequest): Promise<CallOutcome> {
  const { recordUnansweredCall } = callPlacer(request.voiceQueue);
  const placed = await recordUnansweredCall({
    attemptKey: request.attemptKey,
    workflowId: request.workflowId,
    campaignId: request.campaignId,
    campaignVersion: request.campaignVersion,
    stepId: request.stepId,
    to: request.debtor.phone,
    purpose: `script:${request.script}`,
  });
  return { outcome: 'no-answer', conversation: false, providerSid: placed.providerSid };
}
