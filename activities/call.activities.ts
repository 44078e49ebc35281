import { ApplicationFailure, CompleteAsyncError, Context } from '@temporalio/activity';
import type { AttemptSettlement, CallRecordUpdate, Repositories } from '../src/adapters/mongo/repositories';
import { CallRejectedError, isFinalCallStatus, type CallGateway, type CallReport, type MachineDetectionMode } from '../src/adapters/twilio/twilio-calls';
import type { LlmDialog } from '../src/adapters/openai/llm-dialog';
import type { TurnContext } from '../src/dialog/turn-context';
import { redactSensitive } from '../src/policy/redaction';
import { ruleEngineTurn } from '../src/dialog/rule-engine';
import { campaignWithArms } from '../src/experiments/arms';
import { buildCallSetup, type CallSetup } from '../src/voice/call-context';
import { voiceWebhookUrl } from '../src/voice/voice-webhook-contract';
import type { CallResult, CallWorkflowInput, PlacedCall } from '../workflows/call/call.messages';
import { loadValidCampaign } from './campaign-versions.activities';

// The call workflow's side effects: placing the call (once per attempt, completed by Twilio's
// final status callback), the LLM's turns, and the call's records. Every write is keyed, so a
// retry adds nothing twice.

export interface CallDeps {
  repositories: Pick<Repositories, 'contactAttempts' | 'consent' | 'campaigns' | 'calls'>;
  calls: CallGateway;
  publicBaseUrl: string;
  /** The caller id, spoken as the call-back number when the campaign names none. */
  fromNumber: string;
  /** Unset: no answering machine detection. */
  machineDetection?: MachineDetectionMode;
  /** Unset: the rule-based dialog engine carries every call. */
  llm?: LlmDialog;
  /** SPEECH_ENGINE when it is not Twilio's own: calls <Play> the service's audio and transcribe <Record>ings. */
  speechEngine?: 'local' | 'openai';
  /** Told of each turn once stored: the service's metrics (src/metrics/turn-metrics.ts). */
  onTurnRecorded?: (turn: CallTurnRecord) => void;
}

export interface CallPrepared extends CallSetup {
  /** What the voice webhook URLs the call gives Twilio start with (src/voice/voice-webhook-contract.ts). */
  publicBaseUrl: string;
  engine: 'rules' | 'llm';
  /** The LLM turn activity's timeout: above the client's own, so the client gives up first. */
  llmTimeoutMs: number;
  /** Who speaks and listens: Twilio (<Say>, <Gather input="speech">) or the service's speech engine. */
  speech: 'twilio' | 'local' | 'openai';
}

export interface PlaceCallInput {
  attemptKey: string;
  callWorkflowId: string;
  debtorWorkflowId: string;
  campaignId: string;
  campaignVersion: number;
  stepId: string;
  to: string;
}

export interface CallTurnRecord {
  callWorkflowId: string;
  seq: number;
  state: string;
  heard: string;
  asrConfidence?: number;
  digits?: string;
  said: string;
  intent: string;
  entities: Record<string, unknown>;
  sentiment: number;
  confidence: number;
  nextState: string;
  /** 'faq': the rule engine answered from the campaign's FAQ, and no LLM was asked. */
  engine: 'rules' | 'llm' | 'llm-cached' | 'rules-fallback' | 'faq';
  violations: string[];
  /** The FAQ entry answered, and the call's language. */
  faq?: { id: string; language: string };
  latencyMs: Record<string, number>;
}

// Twilio rings for 60 s by default; 30 s reaches a person and leaves voicemail to the detection.
const ringTimeoutSeconds = 30;

/**
 * Places the call under the attempt's intent record, then completes asynchronously: the final
 * status callback (completed, busy, no-answer, failed, canceled) completes the activity by
 * workflow id + activity id. A retry (heartbeat timeout: the callback was lost, or a worker
 * died) never places a second call: it finds the SID and asks Twilio for the call's status.
 */
async function placeCallOnce(deps: CallDeps, input: PlaceCallInput): Promise<PlacedCall> {
  const { contactAttempts, consent } = deps.repositories;
  const settle = (settlement: AttemptSettlement) => contactAttempts.settle(input.attemptKey, settlement);
  /** The call's final status, or (still live) wait again for the status callback. */
  const finishedOrWait = async (call: CallReport): Promise<PlacedCall> => {
    if (!isFinalCallStatus(call.status)) throw new CompleteAsyncError();
    await settle({ state: 'sent', providerSid: call.sid, providerStatus: call.status });
    return { callSid: call.sid, status: call.status, answeredBy: call.answeredBy, durationSeconds: call.durationSeconds };
  };

  const { callWorkflowId: _c, debtorWorkflowId, ...rest } = input;
  const { attempt, fresh } = await contactAttempts.claim({ ...rest, workflowId: debtorWorkflowId, purpose: `call:${input.stepId}`, channel: 'voice' });
  if (attempt.state === 'failed') {
    throw ApplicationFailure.nonRetryable(`the call was refused earlier (${attempt.errorCode})`, attempt.errorCode === 'opted-out' ? 'ContactNotAllowed' : 'CallRejected');
  }
  if (attempt.providerSid) return finishedOrWait(await deps.calls.fetch(attempt.providerSid));
  if (!fresh) {
    // An earlier try wrote its intent and died: did Twilio take that call?
    const earlier = await deps.calls.findPlaced({ to: input.to, since: new Date(attempt.createdAt.getTime() - 60_000) });
    if (earlier) {
      await settle({ state: 'sent', providerSid: earlier.sid, providerStatus: earlier.status });
      return finishedOrWait(earlier);
    }
  }
  if ((await consent.ledger(input.to)).permissions.voiceOptedOut) {
    await settle({ state: 'failed', errorCode: 'opted-out' });
    throw ApplicationFailure.nonRetryable('the number opted out of calls', 'ContactNotAllowed');
  }
  const call = { call: input.callWorkflowId };
  try {
    Context.current().heartbeat();
    const placed = await deps.calls.place({
      to: input.to,
      url: voiceWebhookUrl(deps.publicBaseUrl, 'answer', call),
      statusCallback: voiceWebhookUrl(deps.publicBaseUrl, 'status', call),
      machineDetection: deps.machineDetection,
      ringTimeoutSeconds,
    });
    await settle({ state: 'sent', providerSid: placed.sid, providerStatus: placed.status });
  } catch (err) {
    if (err instanceof CallRejectedError) {
      await settle({ state: 'failed', errorCode: err.code });
      throw ApplicationFailure.nonRetryable(err.message, 'CallRejected', { code: err.code });
    }
    throw err;
  }
  throw new CompleteAsyncError();
}

export function createCallActivities(deps: CallDeps) {
  const { consent, campaigns, calls } = deps.repositories;

  return {
    /** The campaign version's voice settings and the first turn context of the call. */
    async prepareCall(input: CallWorkflowInput & { now: number }): Promise<CallPrepared> {
      const campaign = campaignWithArms(await loadValidCampaign(campaigns, { campaignId: input.campaignId, version: input.campaignVersion }), input.experimentArms ?? {});
      const setup = buildCallSetup(campaign, input, { callbackNumber: deps.fromNumber });
      // The offline recogniser has a US English model only: other languages keep Twilio's speech.
      const speech = deps.speechEngine === 'local' && setup.language !== 'en' ? 'twilio' : (deps.speechEngine ?? 'twilio');
      return { ...setup, publicBaseUrl: deps.publicBaseUrl, engine: deps.llm ? 'llm' : 'rules', llmTimeoutMs: (deps.llm?.timeoutMs ?? 8000) + 2000, speech };
    },

    /** Places the call once per attempt and completes when Twilio reports its final status (placeCallOnce). */
    placeCall: (input: PlaceCallInput): Promise<PlacedCall> => placeCallOnce(deps, input),

    /** One turn, redacted (card, ID and account numbers) before it is stored. */
    async recordCallTurn(turn: CallTurnRecord): Promise<void> {
      await calls.recordTurn({ ...turn, heard: redactSensitive(turn.heard), said: redactSensitive(turn.said) });
      deps.onTurnRecorded?.(turn);
    },

    async saveCall(record: CallRecordUpdate & { outcome?: CallResult }): Promise<void> {
      await calls.save({ ...record, escalationSummary: record.escalationSummary && redactSensitive(record.escalationSummary) });
    },

    /** The caller asked on the phone not to be called again (TCPA revocation, 12 CFR 1006.14(h)). */
    async recordVoiceOptOut(input: { eventKey: string; phone: string; source: string }): Promise<void> {
      await consent.record({ ...input, kind: 'opt-out', channel: 'voice' });
    },

    /**
     * One LLM turn: the raw candidate, which the workflow validates (schema and turn policy) and
     * replaces with the rule engine's turn when it is refused. Throws when no LLM is configured.
     */
    async llmTurn(input: { campaignId: string; context: TurnContext }): Promise<{ candidate: unknown; cached: boolean; latencyMs: number }> {
      if (!deps.llm) throw ApplicationFailure.nonRetryable('no LLM is configured', 'LlmNotConfigured');
      // A frequently asked question is the rule engine's to answer from the campaign's FAQ, and an
      // experiment's greeting is said as worded, or the arms would not differ in what they test: no
      // candidate, so the workflow's decideTurn speaks the rule engine's turn, and no LLM request.
      if (ruleEngineTurn(input.context).faqId || scriptedGreeting(input.context)) return { candidate: undefined, cached: false, latencyMs: 0 };
      const started = Date.now();
      const { candidate, cached } = await deps.llm.turn(input.campaignId, input.context);
      return { candidate, cached, latencyMs: Date.now() - started };
    },
  };
}

function scriptedGreeting(context: TurnContext): boolean {
  return context.state === 'greeting' && context.greeting !== undefined;
}
