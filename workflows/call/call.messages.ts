import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { DebtorProfile } from '../debtor/debtor.messages';

// The call workflow's contract: its input, the webhook events Twilio's requests become, and the
// structured outcome it returns to the debtor workflow. The gateway and the workflow import it.

export interface CallWorkflowInput {
  attemptKey: string;
  debtorWorkflowId: string;
  campaignId: string;
  campaignVersion: number;
  stepId: string;
  debtor: DebtorProfile;
  /** The debtor's segment strategy; it shapes the tone and the offers. */
  strategy: string;
  /** What is owed now (not what was imported): payments since may have lowered it. */
  balanceMinor: number;
  /** First communication with this consumer about this debt (12 CFR 1006.18(e)(1) vs (e)(2)). */
  initialCommunication: boolean;
  /** The rate-limited voice task queue placeCall runs on. */
  voiceQueue: string;
  /** The debtor's arms in the campaign's script experiments: the call is worded as they say. */
  experimentArms?: Record<string, string>;
}

/** A voice webhook, as the call workflow receives it (already redacted by the route). */
export type CallWebhookEvent =
  | { kind: 'answered'; callSid: string; answeredBy?: string }
  | {
      kind: 'heard';
      callSid: string;
      turn: number;
      text: string;
      confidence: number;
      digits?: string;
      /** The turn before, redacted again: set when a number said over both turns began in it. */
      previousHeard?: string;
    }
  | { kind: 'dial-ended'; callSid: string; dialStatus: string }
  /** A <Record>ed answer (SPEECH_ENGINE=local|openai): the recording to transcribe, or keys, or nothing. */
  | { kind: 'recorded'; callSid: string; turn: number; recordingUrl?: string; digits?: string };

/** The Update's result is the TwiML document Twilio runs next. */
export const callWebhookUpdate = defineUpdate<string, [CallWebhookEvent]>('callWebhook');

/** A payment the debtor workflow received while this call is live (from the link texted during it). */
export const paymentDuringCallSignal = defineSignal<[{ paymentId: string; amountMinor: number }]>('paymentDuringCall');

/** The hand-off summary an agent hears (whisper) before being connected. */
export const callSummaryQuery = defineQuery<string>('callSummary');

/** What the caller said in the turn before (as stored, redacted): the route reads a number said over two turns with it. */
export const lastHeardQuery = defineQuery<string>('lastHeard');

/** The placeCall activity's id: the status webhook completes it by workflow id + this id. */
export const placeCallActivityId = 'place-call';

/** What placeCall returns once Twilio reports the call's final status. */
export interface PlacedCall {
  callSid: string;
  status: 'completed' | 'busy' | 'no-answer' | 'failed' | 'canceled';
  answeredBy?: string;
  durationSeconds: number;
}

export interface CallResult {
  status: PlacedCall['status'];
  callSid?: string;
  /** Who picked up: a person, a machine (voicemail, fax), or nobody. */
  answeredBy: 'human' | 'machine' | 'nobody';
  rightPartyVerified: boolean;
  /** A telephone conversation about the debt with the right party (Regulation F's 7 quiet days). */
  conversation: boolean;
  intents: string[];
  promise?: { amountMinor: number; dueDate: string };
  plan?: { instalments: Array<{ amountMinor: number; dueDate: string }> };
  /**
   * The caller asked to pay now. `linkSent`: the call asked the debtor workflow to text the link
   * while the caller was on the line (otherwise the debtor workflow texts it after the call).
   */
  payNow?: { amountMinor: number; linkSent?: boolean };
  /** Payments the provider confirmed while the call was live. */
  paidDuringCall?: { amountMinor: number };
  callbackDate?: string;
  dispute: boolean;
  optOut: boolean;
  wrongPerson: boolean;
  voicemailLeft: boolean;
  escalated?: {
    reason: string;
    /** Where the caller was sent; 'none' when the campaign has no agent number or queue. */
    to: 'agent-number' | 'agent-queue' | 'none';
    target?: string;
    agentAnswered: boolean;
    summary: string;
    /** The human task posted at the hand-off (summary and transcript), for the debtor workflow to wait on. */
    taskId?: string;
  };
  turns: number;
  durationSeconds: number;
}
