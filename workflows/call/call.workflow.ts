import {
  allHandlersFinished,
  condition,
  getExternalWorkflowHandle,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  workflowInfo,
  ActivityFailure,
  ApplicationFailure,
} from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { CallPrepared, CallTurnRecord } from '../../activities/call.activities';
import { confirmedArrangement } from '../../src/dialog/arrangement';
import { payLinkRequestedSignal } from '../debtor/debtor.messages';
import { addDays, localToday } from '../../src/dialog/calendar';
import { isVerifiedState } from '../../src/dialog/call-states';
import { listeningHints } from '../../src/dialog/listening-hints';
import { splitIntoInstalments } from '../../src/dialog/offer-limits';
import { settleTurn, type SettledTurn } from '../../src/dialog/settle-turn';
import { nextTurnContext, type TurnContext, type Utterance } from '../../src/dialog/turn-context';
import type { TurnDecision } from '../../src/dialog/turn-schema';
import {
  agentFinishedTwiml,
  callPhrase,
  gatherTwiml,
  hangUpTwiml,
  noAgentTwiml,
  recordTwiml,
  sayAndHangUpTwiml,
  transferTwiml,
  voiceStyle,
  type Prompt,
  type VoiceStyle,
} from '../../src/voice/call-twiml';
import {
  callSummaryQuery,
  callWebhookUpdate,
  paymentDuringCallSignal,
  placeCallActivityId,
  type CallResult,
  type CallWebhookEvent,
  type CallWorkflowInput,
  type PlacedCall,
} from './call.messages';

/** Call bookkeeping (setup, turn records): idempotent writes, retried briskly during a live call. */
const calls = proxyActivities<Activities>({
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '500 milliseconds', backoffCoefficient: 2, maximumInterval: '10 seconds', maximumAttempts: 10 },
});

/**
 * The call itself, on the rate-limited voice queue. It completes asynchronously when Twilio's
 * final status callback arrives; webhooks and progress callbacks heartbeat it, and a heartbeat
 * timeout (a lost callback) retries it, which asks Twilio for the status instead of calling again.
 * Twilio ends any call after 4 hours.
 */
function callPlacer(taskQueue: string) {
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
const speech = proxyActivities<Activities>({
  startToCloseTimeout: '8 seconds',
  retry: { initialInterval: '200 milliseconds', maximumAttempts: 2 },
});

/** The dialog engine's decision, recorded in the history (a pure function: a retry is for a lost worker). */
const dialog = proxyLocalActivities<Activities>({ startToCloseTimeout: '5 seconds', retry: { maximumAttempts: 3 } });

/** An LLM turn is worth one try: on a live call the rule engine answers at once instead. */
function llmTurns(timeoutMs: number) {
  return proxyActivities<Activities>({ startToCloseTimeout: timeoutMs, retry: { maximumAttempts: 1 } });
}

const daysToFirstInstalment = 7;
const maxTurns = 40;
const daysBetweenInstalments = 30;
/** How long the turn after "I'm texting you the link" waits for the payment to come through. */
const paymentWaitOnCall = '30 seconds';

/** Texting the link during the call (and hearing of the payment) changed the call's commands. */
export const payLinkDuringCallPatch = 'pay-link-during-call';
/** The hand-off posts the human task (summary and transcript) the moment the caller is handed over. */
export const handOffTaskPatch = 'hand-off-posts-task';
/** Speaking with <Play> of synthesized clips and listening with <Record> added the speech activities. */
export const ownVoicePatch = 'speech-engine-voice';
/**
 * Each turn's decision is recorded (local activity) instead of recomputed on replay, so a dialog
 * change deployed later cannot change what a call that was live decided. Chosen once per call.
 */
export const decisionsRecordedPatch = 'dialog-decisions-recorded';

/**
 * One outbound call of a debtor's cadence, from placing it to its structured outcome. Twilio's
 * voice webhooks arrive as Updates whose results are the TwiML Twilio runs next; each turn comes
 * from the dialog engine (the LLM when configured, checked by the turn policy; the rule engine
 * otherwise and as the fallback). Turns are stored by activity; only small summaries stay here.
 */
export async function callWorkflow(input: CallWorkflowInput): Promise<CallResult> {
  const callWorkflowId = workflowInfo().workflowId;
  let setup: CallPrepared | undefined;
  let style: VoiceStyle;
  let ctx!: TurnContext;
  let callSid: string | undefined;
  let answeredBy: CallResult['answeredBy'] = 'nobody';
  let voicemailLeft = false;
  let finished = false;
  /** Gathers asked so far: the number a Gather's action URL carries, so a repeated webhook is seen as one. */
  let asked = 0;
  const answers = new Map<number, string>();
  const intents: string[] = [];
  let escalation: CallResult['escalated'];
  const writes: Array<Promise<void>> = [];
  let payLinkSent = false;
  let awaitingPayment = false;
  const paymentIds = new Set<string>();
  let paidMinor = 0;
  let ownVoice = false;
  let clips = 0;
  let decisionsRecorded = false;

  setHandler(
    callWebhookUpdate,
    async (event: CallWebhookEvent): Promise<string> => {
      callSid ??= event.callSid;
      if (event.kind === 'answered') return onAnswered(event.answeredBy);
      if (event.kind === 'dial-ended') return onTransferEnded(event.dialStatus);
      const earlier = answers.get(event.turn);
      if (earlier !== undefined) return earlier;
      const arrivedAt = Date.now();
      const utterance =
        event.kind === 'recorded' ? await listen(event) : { text: event.text, asrConfidence: event.confidence, ...(event.digits ? { digits: event.digits } : {}) };
      const twiml = await takeTurn(utterance, { arrivedAt, ...(event.kind === 'recorded' ? { listenMs: Date.now() - arrivedAt } : {}) });
      answers.set(event.turn, twiml);
      return twiml;
    },
    {
      validator: (event) => {
        if (!setup) throw new Error('the call is not set up yet');
        if (finished) throw new Error('the call has ended');
        if ((event.kind === 'heard' || event.kind === 'recorded') && (event.turn < 1 || event.turn > asked)) throw new Error(`turn ${event.turn} was never asked`);
      },
    },
  );
  setHandler(callSummaryQuery, () => escalation?.summary ?? '');
  setHandler(paymentDuringCallSignal, ({ paymentId, amountMinor }) => {
    if (paymentIds.has(paymentId) || amountMinor <= 0) return;
    paymentIds.add(paymentId);
    paidMinor += amountMinor;
  });

  setup = await calls.prepareCall({ ...input, now: Date.now() });
  ctx = setup.context;
  style = voiceStyle(setup.language, setup.dtmf);
  ownVoice = (setup.speech ?? 'twilio') !== 'twilio' && patched(ownVoicePatch);
  decisionsRecorded = patched(decisionsRecordedPatch);
  const record = { callWorkflowId, attemptKey: input.attemptKey, debtorWorkflowId: input.debtorWorkflowId, campaignId: input.campaignId };
  await calls.saveCall({ ...record, ended: false });

  let placed: PlacedCall | undefined;
  try {
    placed = await callPlacer(input.voiceQueue).placeCall({
      attemptKey: input.attemptKey,
      callWorkflowId,
      debtorWorkflowId: input.debtorWorkflowId,
      campaignId: input.campaignId,
      campaignVersion: input.campaignVersion,
      stepId: input.stepId,
      to: input.debtor.phone,
    });
  } catch (err) {
    const type = err instanceof ActivityFailure && err.cause instanceof ApplicationFailure ? err.cause.type : undefined;
    if (type !== 'CallRejected' && type !== 'ContactNotAllowed') throw err;
  }
  finished = true;
  await condition(allHandlersFinished);
  await Promise.all(writes);
  const result = outcome(placed);
  await calls.saveCall({ ...record, callSid: result.callSid, status: result.status, answeredBy: placed?.answeredBy, outcome: result, ended: true });
  return result;

  // ---- Webhooks ------------------------------------------------------------------------------

  async function onAnswered(detected: string | undefined): Promise<string> {
    // Answering machine detection: machine_start, machine_end_beep/silence/other, fax; or human/unknown.
    if (detected?.startsWith('machine') || detected === 'fax') {
      answeredBy = 'machine';
      if (detected === 'fax' || setup!.voicemailPolicy === 'hang-up') return hangUpTwiml();
      voicemailLeft = true;
      return sayAndHangUpTwiml(await prompt(setup!.voicemailText), style);
    }
    answeredBy = 'human';
    if (answers.has(0)) return answers.get(0)!;
    const twiml = await takeTurn({ text: '', asrConfidence: 1 }, { arrivedAt: Date.now() });
    answers.set(0, twiml);
    return twiml;
  }

  async function onTransferEnded(status: string): Promise<string> {
    if (escalation && status === 'completed') escalation.agentAnswered = true;
    return escalation?.agentAnswered
      ? agentFinishedTwiml(style, await prompt(callPhrase('agentDone', style.language)))
      : noAgentTwiml(style, undefined, await prompt(callPhrase('noAgent', style.language)));
  }

  // ---- Speech --------------------------------------------------------------------------------

  /** A line in the service's own voice when it has one; Twilio's <Say> when synthesis fails. */
  async function prompt(text: string): Promise<Prompt> {
    if (!ownVoice || text === '') return text;
    try {
      const clip = await speech.synthesizeSpeech({ text, language: style.languageTag, key: `${callWorkflowId}/clip/${++clips}` });
      return { text, audioUrl: clip.url };
    } catch (err) {
      if (!(err instanceof ActivityFailure)) throw err;
      return text;
    }
  }

  /** A <Record>ed answer to words: keys as pressed; a recording the engine cannot read is not heard. */
  async function listen(event: Extract<CallWebhookEvent, { kind: 'recorded' }>): Promise<Utterance> {
    if (event.digits) return { text: '', asrConfidence: 1, digits: event.digits };
    if (!event.recordingUrl) return { text: '', asrConfidence: 0 };
    try {
      const heard = await speech.transcribeRecording({ recordingUrl: event.recordingUrl, language: style.languageTag, hints: listeningHints(ctx) });
      // An engine that gives no confidence (OpenAI's) is taken at its word.
      return { text: heard.text, asrConfidence: heard.confidence ?? (heard.text === '' ? 0 : 1) };
    } catch (err) {
      if (!(err instanceof ActivityFailure)) throw err;
      return { text: '', asrConfidence: 0 };
    }
  }

  // ---- Turns ---------------------------------------------------------------------------------

  /**
   * One turn, timed by stage as the workflow sees time (it moves when an activity completes):
   * listen (own recogniser), decide (the engine's own measure), speak (own voice), total.
   */
  async function takeTurn(utterance: Utterance, timing: { arrivedAt: number; listenMs?: number }): Promise<string> {
    if (awaitingPayment) {
      // The caller has the link in hand: give the payment a moment to come through before answering.
      awaitingPayment = false;
      await condition(() => paidMinor > 0 || !payLinkSent, paymentWaitOnCall);
    }
    const turnCtx: TurnContext = { ...ctx, utterance, now: Date.now(), ...(paidMinor > 0 ? { paidDuringCallMinor: paidMinor } : {}) };
    const turn = await decide(turnCtx);
    const { decision } = turn;
    const decidedAt = Date.now();
    ctx = nextTurnContext(turnCtx, decision, { text: '', asrConfidence: 1 }, decidedAt);
    const reply = await prompt(decision.reply);
    intents.push(decision.intent);
    const seq = turnCtx.history.length;
    const stored: CallTurnRecord = {
      callWorkflowId,
      seq,
      state: turnCtx.state,
      heard: utterance.text,
      asrConfidence: utterance.asrConfidence,
      digits: utterance.digits,
      said: decision.reply,
      intent: decision.intent,
      entities: decision.entities,
      sentiment: decision.sentiment,
      confidence: decision.confidence,
      nextState: decision.nextState,
      engine: turn.engine,
      violations: turn.violations,
      latencyMs: {
        ...(timing.listenMs !== undefined ? { listen: timing.listenMs } : {}),
        decide: turn.latencyMs,
        ...(ownVoice ? { speak: Date.now() - decidedAt } : {}),
        total: Date.now() - timing.arrivedAt,
      },
    };
    writes.push(calls.recordCallTurn(stored));
    if (!payLinkSent && confirmedArrangement(ctx.history)?.kind === 'pay-now' && patched(payLinkDuringCallPatch)) requestPayLink();
    return twimlFor(decision, reply, utterance);
  }

  async function decide(turnCtx: TurnContext): Promise<{ decision: TurnDecision; engine: CallTurnRecord['engine']; violations: string[]; latencyMs: number }> {
    if (setup!.engine !== 'llm') return { decision: (await settle(turnCtx)).decision, engine: 'rules', violations: [], latencyMs: 0 };
    let answer: { candidate: unknown; cached: boolean; latencyMs: number };
    try {
      answer = await llmTurns(setup!.llmTimeoutMs).llmTurn({ campaignId: input.campaignId, context: turnCtx });
    } catch (err) {
      if (!(err instanceof ActivityFailure)) throw err;
      return { decision: (await settle(turnCtx)).decision, engine: 'rules-fallback', violations: ['llm-unavailable'], latencyMs: 0 };
    }
    const { decision, candidateAccepted, violations } = await settle(turnCtx, answer.candidate);
    // A refused answer is never spoken: the rule engine answered this turn instead.
    const engine = candidateAccepted ? (answer.cached ? 'llm-cached' : 'llm') : 'rules-fallback';
    return { decision, engine, violations, latencyMs: answer.latencyMs };
  }

  /** Calls that started before decisions were recorded recompute them here, as they ran then. */
  function settle(turnCtx: TurnContext, candidate?: unknown): Promise<SettledTurn> {
    return decisionsRecorded ? dialog.decideTurn({ context: turnCtx, candidate }) : Promise.resolve(settleTurn(turnCtx, candidate));
  }

  /** The debtor workflow owns texting (consent, idempotency, delivery): it sends the link now. */
  function requestPayLink(): void {
    payLinkSent = true;
    awaitingPayment = true;
    // Without a debtor workflow to ask (a call started on its own), the outcome still says pay now.
    const unsent = () => {
      payLinkSent = false;
    };
    writes.push(getExternalWorkflowHandle(input.debtorWorkflowId).signal(payLinkRequestedSignal, { callAttemptKey: input.attemptKey }).then(() => undefined, unsent));
  }

  async function twimlFor(decision: TurnDecision, reply: Prompt, heard: Utterance): Promise<string> {
    if (decision.nextState === 'ended') return sayAndHangUpTwiml(reply, style);
    if (decision.nextState === 'escalate') return handOff(decision, reply, heard);
    // A call going round in circles ends politely, well inside the 2,000 Updates a workflow takes.
    if (asked >= maxTurns) return agentFinishedTwiml(style, await prompt(callPhrase('agentDone', style.language)));
    asked++;
    const params = { turn: String(asked), lang: setup!.language };
    return ownVoice ? recordTwiml(reply, style, webhookUrl('record', params)) : gatherTwiml(reply, style, webhookUrl('gather', params), listeningHints(ctx));
  }

  async function handOff(decision: TurnDecision, reply: Prompt, heard: Utterance): Promise<string> {
    const agent = setup!.agent;
    const reason = escalationLabel(decision, heard);
    const summary = handOffSummary(reason);
    escalation = {
      reason,
      to: agent === null ? 'none' : agent.kind === 'number' ? 'agent-number' : 'agent-queue',
      target: agent === null ? undefined : agent.kind === 'number' ? agent.number : agent.name,
      agentAnswered: false,
      summary,
    };
    // The summary is stored the moment the caller is handed over, with the turns already written,
    // and a human task with the transcript is posted for the agent who takes the call (or calls back).
    writes.push(calls.saveCall({ ...record, callSid, escalationSummary: summary, ended: false }));
    if (patched(handOffTaskPatch)) {
      const taskId = `${callWorkflowId}/hand-off`;
      escalation.taskId = taskId;
      writes.push(
        calls.openHumanTask({
          taskId,
          workflowId: input.debtorWorkflowId,
          campaignId: input.campaignId,
          reason: 'call-transfer',
          summary,
          callWorkflowId,
          transcript: ctx.history.map((turn) => ({ heard: turn.heard, said: turn.said })),
        }),
      );
    }
    if (agent === null) return noAgentTwiml(style, reply, await prompt(callPhrase('noAgent', style.language)));
    const target = agent.kind === 'number' ? { ...agent, whisperUrl: webhookUrl('whisper') } : { ...agent, waitUrl: webhookUrl('queue-wait', { lang: setup!.language }) };
    return transferTwiml(reply, style, target, webhookUrl('transfer'));
  }

  /**
   * Why the call goes to a person, for the agent's whisper and the task: what the caller wanted
   * when that is known, else the trigger read from the turn itself: the recogniser unsure of the
   * words (hard to hear), the words angry (upset), or clear words that fit nothing (not understood).
   */
  function escalationLabel(decision: TurnDecision, heard: Utterance): string {
    if (decision.intent !== 'unknown') return decision.intent;
    if (heard.asrConfidence < ctx.escalation.minConfidence) return 'hard-to-hear';
    if (decision.sentiment < ctx.escalation.minSentiment) return 'upset';
    return 'not-understood';
  }

  function handOffSummary(reason: string): string {
    const verified = ctx.history.some((t) => isVerifiedState(t.nextState));
    const who = verified ? `${input.debtor.fullName}, identity verified` : 'caller not verified';
    const lastHeard = [...ctx.history].reverse().find((t) => t.heard !== '')?.heard ?? '';
    return `Parley hand-off: ${who}. Reason: ${reason}. Account ${input.debtor.accountRef}. Last words: "${lastHeard.slice(0, 160)}".`;
  }

  function webhookUrl(path: string, params: Record<string, string> = {}): string {
    const query = Object.entries({ call: callWorkflowId, ...params })
      .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
      .join('&');
    return `${setup!.webhookBase}/${path}?${query}`;
  }

  // ---- Outcome -------------------------------------------------------------------------------

  function outcome(call: PlacedCall | undefined): CallResult {
    const history = ctx.history;
    const verified = history.some((t) => isVerifiedState(t.nextState));
    const arrangement = confirmedArrangement(history);
    const today = localToday(Date.now(), input.debtor.timeZone);
    const has = (intent: string) => intents.includes(intent);
    const result: CallResult = {
      status: call?.status ?? 'failed',
      callSid: call?.callSid ?? callSid,
      answeredBy,
      rightPartyVerified: verified,
      conversation: answeredBy === 'human' && verified,
      intents: [...new Set(intents)],
      dispute: has('dispute'),
      optOut: has('opt-out'),
      wrongPerson: has('wrong-person'),
      voicemailLeft,
      escalated: escalation,
      turns: history.length,
      durationSeconds: call?.durationSeconds ?? 0,
    };
    if (arrangement?.kind === 'promise') result.promise = { amountMinor: arrangement.amountMinor, dueDate: arrangement.date };
    if (arrangement?.kind === 'pay-now') result.payNow = { amountMinor: arrangement.amountMinor, ...(payLinkSent ? { linkSent: true } : {}) };
    if (paidMinor > 0) result.paidDuringCall = { amountMinor: paidMinor };
    if (arrangement?.kind === 'callback') result.callbackDate = arrangement.date;
    if (arrangement?.kind === 'plan') {
      const { firstMinor, regularMinor } = splitIntoInstalments(ctx.account.amountDueMinor, arrangement.instalments);
      result.plan = {
        instalments: Array.from({ length: arrangement.instalments }, (_, i) => ({
          amountMinor: i === 0 ? firstMinor : regularMinor,
          dueDate: addDays(today, daysToFirstInstalment + i * daysBetweenInstalments),
        })),
      };
    }
    return result;
  }
}
