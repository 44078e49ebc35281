import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../app-deps';
import { twilioSignatureGuard } from '../twilio-signature-guard';
import type { CallTurnAnswer } from '../../temporal/gateway';
import { GatewayError } from '../../temporal/gateway-error';
import { isFinalCallStatus } from '../../adapters/twilio/twilio-calls';
import { LANGUAGES, type Language } from '../../dialog/language';
import { redactAcrossTurns, redactSensitive } from '../../policy/redaction';
import { hangUpTwiml, holdingTwiml, queueWaitTwiml, whisperTwiml } from '../../voice/call-twiml';
import {
  voiceWebhookPath,
  voiceWebhookUrl,
  voiceWebhooks,
  type VoiceWebhook,
  type VoiceWebhookForm,
  type VoiceWebhookQuery,
} from '../../voice/voice-webhook-contract';
import type { CallWebhookEvent } from '../../../workflows/call/call.messages';
import type { ServiceMetrics } from '../../metrics/service-metrics';
import { factsFromTwiml } from '../../live/voice-live';
import { whoOf } from '../../live/live-state';
import type { LiveWho } from '../../live/live-events';
import { formPhone } from '../request-input';

// Twilio's voice webhooks for outbound calls. Each one becomes an Update on the call's workflow
// (through the gateway) and answers with the TwiML the Update returns. Twilio waits 15 s at most
// (error 11205), so a turn not ready in CALL_TURN_WAIT_MS answers a holding prompt and a Redirect
// to /pending, which picks the same Update's result up. Speech is redacted before it goes anywhere.
// Paths, queries and forms are the contract's (src/voice/voice-webhook-contract.ts). What each
// webhook and answer shows of the call goes to the console's Live page (deps.live), redacted too.

export async function voiceWebhookRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const guard = twilioSignatureGuard({ authToken: deps.config.twilio.authToken, publicBaseUrl: deps.config.http.publicBaseUrl });
  turnWebhooks(app, { preHandler: guard }, turnRunner(deps), deps.metrics);
  callWebhooks(app, { preHandler: guard }, deps);
}

type Guarded = { preHandler: ReturnType<typeof twilioSignatureGuard> };
type TurnRunner = ReturnType<typeof turnRunner>;

/** How a webhook that is an Update is answered: the Update's TwiML, a holding prompt, or a hang-up. */
function turnRunner(deps: AppDeps) {
  const waitMs = deps.config.calls.turnWaitMs;

  /** Sends the turn's TwiML, or a holding prompt (silence when it is `again`) that redirects to /pending for it. */
  const answer = (reply: FastifyReply, call: string, updateId: string, lang: string | undefined, result: CallTurnAnswer, again = false) => {
    if (result.ready) {
      for (const fact of factsFromTwiml(call, result.twiml, turnOfUpdate(updateId))) deps.live.publish(fact);
      return twiml(reply, result.twiml);
    }
    const pending = voiceWebhookUrl(deps.config.http.publicBaseUrl, 'pending', { call, update: updateId, lang: language(lang) });
    return twiml(reply, holdingTwiml(language(lang), pending, again));
  };

  return {
    live: deps.live,

    /** Runs one webhook as an Update; a call that refuses it (ended, unknown turn) is hung up on. */
    async turn(request: FastifyRequest, reply: FastifyReply, call: string, event: CallWebhookEvent, updateId: string, lang?: string) {
      try {
        return answer(reply, call, updateId, lang, await deps.gateway.callWebhook(call, event, updateId, waitMs));
      } catch (err) {
        if (!(err instanceof GatewayError)) throw err;
        request.log.warn({ call, updateId, reason: err.code }, 'voice webhook refused by the call; hanging up');
        return twiml(reply, hangUpTwiml());
      }
    },

    /** What the caller said in the call's turn before, for a number said over two turns. */
    lastHeard: (call: string) => deps.gateway.lastHeard(call),

    /** Picks up the result of an Update that was not ready in time. */
    async pending(reply: FastifyReply, query: VoiceWebhookQuery<'pending'>) {
      try {
        return answer(reply, query.call, query.update, query.lang, await deps.gateway.awaitCallTurn(query.call, query.update, waitMs), true);
      } catch (err) {
        if (!(err instanceof GatewayError)) throw err;
        return twiml(reply, hangUpTwiml());
      }
    },
  };
}

/** The webhooks that advance the call: each one is an Update on the call's workflow. */
function turnWebhooks(app: FastifyInstance, guarded: Guarded, runner: TurnRunner, metrics: ServiceMetrics): void {
  app.post(voiceWebhookPath('answer'), guarded, async (request, reply) => {
    const { query, form } = parse('answer', request);
    runner.live.publish({ kind: 'call-started', call: query.call, who: liveWho(request, query.call) });
    runner.live.publish({ kind: 'call-answered', call: query.call, ...(form.AnsweredBy ? { answeredBy: form.AnsweredBy } : {}) });
    return runner.turn(request, reply, query.call, { kind: 'answered', callSid: form.CallSid, answeredBy: form.AnsweredBy }, `${form.CallSid}/answer`);
  });

  app.post(voiceWebhookPath('gather'), guarded, async (request, reply) => {
    const { query, form } = parse('gather', request);
    const event = heard(query.turn, form, form.SpeechResult ? await runner.lastHeard(query.call) : '');
    const said = event.kind === 'heard' ? event.text || (event.digits ? `(pressed ${event.digits})` : '(silence)') : '';
    runner.live.publish({ kind: 'turn', call: query.call, speaker: 'caller', text: said, turn: query.turn });
    return runner.turn(request, reply, query.call, event, `${form.CallSid}/gather/${query.turn}`, query.lang);
  });

  // SPEECH_ENGINE=local|openai: the answer was <Record>ed; the call workflow transcribes it. Twilio
  // requests this with the recording, or (nothing recorded) through the Redirect after <Record>.
  app.post(voiceWebhookPath('record'), guarded, async (request, reply) => {
    const { query, form } = parse('record', request);
    const digits = keypad(form.Digits);
    const event: CallWebhookEvent = {
      kind: 'recorded',
      callSid: form.CallSid,
      turn: query.turn,
      ...(form.RecordingUrl ? { recordingUrl: form.RecordingUrl } : {}),
      ...(digits ? { digits } : {}),
    };
    return runner.turn(request, reply, query.call, event, `${form.CallSid}/record/${query.turn}`, query.lang);
  });

  app.post(voiceWebhookPath('pending'), guarded, async (request, reply) => runner.pending(reply, parse('pending', request).query));

  app.post(voiceWebhookPath('transfer'), guarded, async (request, reply) => {
    const { query, form } = parse('transfer', request);
    // <Dial> reports DialCallStatus; <Enqueue> reports QueueResult ("bridged" when an agent took it).
    const status = form.DialCallStatus ?? (form.QueueResult === 'bridged' ? 'completed' : (form.QueueResult ?? 'failed'));
    metrics.handOffs.inc({ result: status });
    if (form.QueueTime !== undefined) metrics.handOffQueueWait.observe({ result: status }, form.QueueTime);
    runner.live.publish({ kind: 'hand-off', call: query.call, status: 'ended', outcome: status });
    return runner.turn(request, reply, query.call, { kind: 'dial-ended', callSid: form.CallSid, dialStatus: status }, `${form.CallSid}/transfer`);
  });
}

/** The webhooks the call has nothing to decide on: the queue's hold, the agent's whisper, the call's status. */
function callWebhooks(app: FastifyInstance, guarded: Guarded, deps: AppDeps): void {
  // The <Enqueue waitUrl>: Twilio requests it while the caller waits for an agent, and again each
  // time its TwiML ends, with the seconds waited (QueueTime).
  app.post(voiceWebhookPath('queue-wait'), guarded, async (request, reply) => {
    const { query, form } = parse('queue-wait', request);
    deps.live.publish({ kind: 'hand-off', call: query.call, status: 'queued', waitSeconds: form.QueueTime });
    return twiml(reply, queueWaitTwiml(language(query.lang), form.QueueTime));
  });

  app.post(voiceWebhookPath('whisper'), guarded, async (request, reply) => {
    const { query } = parse('whisper', request);
    deps.live.publish({ kind: 'hand-off', call: query.call, status: 'answered' });
    const summary = await deps.gateway.callSummary(query.call).catch(() => '');
    return twiml(reply, whisperTwiml(summary || 'A caller from Parley is being connected.'));
  });

  app.post(voiceWebhookPath('status'), guarded, async (request, reply) => {
    const { query, form } = parse('status', request);
    await deps.mongo.repositories.contactAttempts.recordCallStatus({ callSid: form.CallSid, status: form.CallStatus });
    const status = form.CallStatus;
    if (isFinalCallStatus(status)) deps.metrics.callOutcomes.inc({ status, answered_by: form.AnsweredBy ?? 'none' });
    deps.live.publish(
      isFinalCallStatus(status) ? { kind: 'call-ended', call: query.call, status } : { kind: 'call-started', call: query.call, who: liveWho(request, query.call) },
    );
    await deps.gateway.callStatus(
      query.call,
      isFinalCallStatus(status)
        ? { callSid: form.CallSid, status, answeredBy: form.AnsweredBy, durationSeconds: Number(form.CallDuration ?? 0) || 0 }
        : { status: 'progress' },
    );
    return reply.code(204).send();
  });
}

/**
 * A <Gather>'s answer, redacted: keys are heard exactly; speech with Twilio's confidence (none
 * given: not understood), read with the turn before so that a number said over both is found.
 */
function heard(turn: number, form: VoiceWebhookForm<'gather'>, previous: string): CallWebhookEvent {
  const digits = keypad(form.Digits);
  const said = redactAcrossTurns(previous, form.SpeechResult ?? (form.Digits && !digits ? form.Digits : ''));
  return {
    kind: 'heard',
    callSid: form.CallSid,
    turn,
    text: said.current,
    confidence: digits && !form.SpeechResult ? 1 : clamp(Number(form.Confidence ?? 0)),
    ...(digits ? { digits } : {}),
    ...(said.previous !== previous ? { previousHeard: said.previous } : {}),
  };
}

/** The webhook's query and form as its contract reads them; a malformed one is answered 400. */
function parse<H extends VoiceWebhook>(hook: H, request: FastifyRequest): { query: VoiceWebhookQuery<H>; form: VoiceWebhookForm<H> } {
  const { query, form } = voiceWebhooks[hook];
  return { query: query.parse(request.query) as VoiceWebhookQuery<H>, form: form.parse(request.body) as VoiceWebhookForm<H> };
}

/** Who the call is for, for the Live page: the account its id names, and the number Twilio dialled. */
function liveWho(request: FastifyRequest, call: string): LiveWho {
  const phone = formPhone(request, 'To');
  return { ...whoOf(call), ...(phone ? { phone } : {}) };
}

/** The turn an Update id answers (`<CallSid>/gather/<turn>`, `<CallSid>/record/<turn>`); the pick-up's is 0. */
function turnOfUpdate(updateId: string): number {
  return Number(/\/(?:gather|record)\/(\d+)$/.exec(updateId)?.[1] ?? 0);
}

function twiml(reply: FastifyReply, body: string) {
  return reply.type('text/xml').send(body);
}

function language(tag: string | undefined): Language {
  return (LANGUAGES as readonly string[]).includes(tag ?? '') ? (tag as Language) : 'en';
}

/** Keys pressed, unless they are a card or ID number: those are redacted before the words reach a workflow, a prompt, a log or a row. */
function keypad(digits: string | undefined): string | undefined {
  return digits && /^[0-9*#]+$/.test(digits) && redactSensitive(digits) === digits ? digits : undefined;
}

function clamp(confidence: number): number {
  return Number.isFinite(confidence) ? Math.min(1, Math.max(0, confidence)) : 0;
}
