import type { CallPrepared, CallTurnRecord } from '../../activities/call.activities';
import type { TurnContext } from '../../src/dialog/turn-context';
import { voiceStyle, type VoiceStyle } from '../../src/voice/call-twiml';
import type { VoiceWebhook, VoiceWebhookQuery } from '../../src/voice/voice-webhook-contract';
import { voiceWebhookUrl } from '../../src/voice/voice-webhook-urls';
import type { CallResult, CallWorkflowInput } from './call.messages';

/**
 * One call, shared by the parts of the call workflow (answering, turns, pay-now, hand-off,
 * outcome): what it was set up with, and what it has learnt so far. Small: the turns' records
 * leave it in batches (turn-records.ts).
 */
export interface Call {
  readonly input: CallWorkflowInput;
  readonly workflowId: string;
  readonly setup: CallPrepared;
  readonly style: VoiceStyle;
  /** Speaks with <Play> of the service's own clips and listens with <Record> (SPEECH_ENGINE=local|openai). */
  readonly ownVoice: boolean;
  /** The dialog engine's context for the next turn. */
  ctx: TurnContext;
  callSid?: string;
  answeredBy: CallResult['answeredBy'];
  voicemailLeft: boolean;
  /** Twilio reported the final status: webhooks are refused from then on. */
  finished: boolean;
  /** Gathers asked so far: the number a Gather's action URL carries, so a repeated webhook is seen as one. */
  asked: number;
  /** Each turn's TwiML by turn number (0: the pick-up), answered again to a repeated webhook. */
  readonly answers: Map<number, string>;
  readonly intents: string[];
  escalation?: CallResult['escalated'];
  readonly payNow: PayNow;
  /** Clips synthesized so far: each one's key. */
  clips: number;
  /** Turns decided and not yet handed to a write. */
  readonly unstoredTurns: CallTurnRecord[];
  /** Writes started and not awaited (turn records, the hand-off's): the call ends only once they are done. */
  readonly writes: Array<Promise<void>>;
}

export interface PayNow {
  /** The debtor workflow was asked to text the payment link during the call. */
  linkSent: boolean;
  /** The next turn waits a moment for the payment before answering. */
  awaitingPayment: boolean;
  readonly paymentIds: Set<string>;
  paidMinor: number;
}

export function newCall(input: CallWorkflowInput, workflowId: string, setup: CallPrepared): Call {
  return {
    input,
    workflowId,
    setup,
    style: voiceStyle(setup.language, setup.dtmf),
    ownVoice: setup.speech !== 'twilio',
    ctx: setup.context,
    answeredBy: 'nobody',
    voicemailLeft: false,
    finished: false,
    asked: 0,
    answers: new Map(),
    intents: [],
    payNow: { linkSent: false, awaitingPayment: false, paymentIds: new Set(), paidMinor: 0 },
    clips: 0,
    unstoredTurns: [],
    writes: [],
  };
}

/** The keys of the call's stored record (the calls collection). */
export function callRecordKey(call: Call) {
  const { input } = call;
  return { callWorkflowId: call.workflowId, attemptKey: input.attemptKey, debtorWorkflowId: input.debtorWorkflowId, campaignId: input.campaignId };
}

/** A webhook URL of this call for Twilio, as the voice webhook contract reads it back. */
export function webhookUrl<H extends VoiceWebhook>(call: Call, hook: H, query: Omit<VoiceWebhookQuery<H>, 'call'>): string {
  return voiceWebhookUrl(call.setup.publicBaseUrl, hook, { call: call.workflowId, ...query } as VoiceWebhookQuery<H>);
}
