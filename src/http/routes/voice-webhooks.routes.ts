import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { twilioSignatureGuard } from '../twilio-signature-guard';
import type { CallTurnAnswer } from '../../temporal/gateway';
import { GatewayError } from '../../temporal/gateway-error';
import { isFinalCallStatus } from '../../adapters/twilio/twilio-calls';
import { LANGUAGES, type Language } from '../../dialog/language';
import { redactSensitive } from '../../policy/redaction';
import { hangUpTwiml, holdingTwiml, queueWaitTwiml, whisperTwiml } from '../../voice/call-twiml';
import type { CallWebhookEvent } from '../../../workflows/call/call.messages';

// Twilio's voice webhooks for outbound calls. Each one becomes an Update on the call's workflow
// (through the gateway) and answers with the TwiML the Update returns. Twilio waits 15 s at most
// (error 11205), so a turn not ready in CALL_TURN_WAIT_MS answers a holding prompt and a Redirect
// to /pending, which picks the same Update's result up. Speech is redacted before it goes anywhere.

const callQuery = z.object({ call: z.string().min(1) });
const gatherQuery = callQuery.extend({ turn: z.coerce.number().int().min(1), lang: z.string().optional() });
const pendingQuery = callQuery.extend({ update: z.string().min(1), lang: z.string().optional() });
const queueWaitQuery = callQuery.extend({ lang: z.string().optional() });
const callForm = z.object({ CallSid: z.string().min(1), AnsweredBy: z.string().optional() });
const gatherForm = callForm.extend({ SpeechResult: z.string().optional(), Confidence: z.string().optional(), Digits: z.string().optional() });
const recordForm = callForm.extend({ RecordingUrl: z.url().optional(), Digits: z.string().optional() });
const transferForm = callForm.extend({ DialCallStatus: z.string().optional(), QueueResult: z.string().optional() });
const queueWaitForm = callForm.extend({ QueueTime: z.coerce.number().min(0) });
const statusForm = callForm.extend({ CallStatus: z.string().min(1), CallDuration: z.string().optional() });

export async function voiceWebhookRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const guard = twilioSignatureGuard({ authToken: deps.config.twilio.authToken, publicBaseUrl: deps.config.http.publicBaseUrl });
  const base = '/webhooks/twilio/voice';
  const waitMs = deps.config.calls.turnWaitMs;

  /** Sends the turn's TwiML, or a holding prompt (silence when it is `again`) that redirects to /pending for it. */
  const answer = (reply: FastifyReply, call: string, updateId: string, lang: string | undefined, result: CallTurnAnswer, again = false) => {
    if (result.ready) return twiml(reply, result.twiml);
    const query = new URLSearchParams({ call, update: updateId, lang: language(lang) });
    return twiml(reply, holdingTwiml(language(lang), `${deps.config.http.publicBaseUrl}${base}/pending?${query}`, again));
  };

  /** Runs one webhook as an Update; a call that refuses it (ended, unknown turn) is hung up on. */
  const turn = async (request: FastifyRequest, reply: FastifyReply, call: string, event: CallWebhookEvent, updateId: string, lang?: string) => {
    try {
      return answer(reply, call, updateId, lang, await deps.gateway.callWebhook(call, event, updateId, waitMs));
    } catch (err) {
      if (!(err instanceof GatewayError)) throw err;
      request.log.warn({ call, updateId, reason: err.code }, 'voice webhook refused by the call; hanging up');
      return twiml(reply, hangUpTwiml());
    }
  };

  app.post(`${base}/answer`, { preHandler: guard }, async (request, reply) => {
    const { call } = callQuery.parse(request.query);
    const form = callForm.parse(request.body);
    return turn(request, reply, call, { kind: 'answered', callSid: form.CallSid, answeredBy: form.AnsweredBy }, `${form.CallSid}/answer`);
  });

  app.post(`${base}/gather`, { preHandler: guard }, async (request, reply) => {
    const query = gatherQuery.parse(request.query);
    const form = gatherForm.parse(request.body);
    const digits = keypad(form.Digits);
    const event: CallWebhookEvent = {
      kind: 'heard',
      callSid: form.CallSid,
      turn: query.turn,
      text: redactSensitive(form.SpeechResult ?? (form.Digits && !digits ? redactSensitive(form.Digits) : '')),
      // Keys are heard exactly; speech with Twilio's confidence (none given: not understood).
      confidence: digits && !form.SpeechResult ? 1 : clamp(Number(form.Confidence ?? 0)),
      ...(digits ? { digits } : {}),
    };
    return turn(request, reply, query.call, event, `${form.CallSid}/gather/${query.turn}`, query.lang);
  });

  // SPEECH_ENGINE=local|openai: the answer was <Record>ed; the call workflow transcribes it. Twilio
  // requests this with the recording, or (nothing recorded) through the Redirect after <Record>.
  app.post(`${base}/record`, { preHandler: guard }, async (request, reply) => {
    const query = gatherQuery.parse(request.query);
    const form = recordForm.parse(request.body);
    const digits = keypad(form.Digits);
    const event: CallWebhookEvent = {
      kind: 'recorded',
      callSid: form.CallSid,
      turn: query.turn,
      ...(form.RecordingUrl ? { recordingUrl: form.RecordingUrl } : {}),
      ...(digits ? { digits } : {}),
    };
    return turn(request, reply, query.call, event, `${form.CallSid}/record/${query.turn}`, query.lang);
  });

  app.post(`${base}/pending`, { preHandler: guard }, async (request, reply) => {
    const query = pendingQuery.parse(request.query);
    try {
      return answer(reply, query.call, query.update, query.lang, await deps.gateway.awaitCallTurn(query.call, query.update, waitMs), true);
    } catch (err) {
      if (!(err instanceof GatewayError)) throw err;
      return twiml(reply, hangUpTwiml());
    }
  });

  app.post(`${base}/transfer`, { preHandler: guard }, async (request, reply) => {
    const { call } = callQuery.parse(request.query);
    const form = transferForm.parse(request.body);
    // <Dial> reports DialCallStatus; <Enqueue> reports QueueResult ("bridged" when an agent took it).
    const status = form.DialCallStatus ?? (form.QueueResult === 'bridged' ? 'completed' : (form.QueueResult ?? 'failed'));
    return turn(request, reply, call, { kind: 'dial-ended', callSid: form.CallSid, dialStatus: status }, `${form.CallSid}/transfer`);
  });

  // The <Enqueue waitUrl>: Twilio requests it while the caller waits for an agent, and again each
  // time its TwiML ends, with the seconds waited (QueueTime). No Update: the call has nothing to decide.
  app.post(`${base}/queue-wait`, { preHandler: guard }, async (request, reply) => {
    const query = queueWaitQuery.parse(request.query);
    const form = queueWaitForm.parse(request.body);
    return twiml(reply, queueWaitTwiml(language(query.lang), form.QueueTime));
  });

  app.post(`${base}/whisper`, { preHandler: guard }, async (request, reply) => {
    const { call } = callQuery.parse(request.query);
    const summary = await deps.gateway.callSummary(call).catch(() => '');
    return twiml(reply, whisperTwiml(summary || 'A caller from Parley is being connected.'));
  });

  app.post(`${base}/status`, { preHandler: guard }, async (request, reply) => {
    const { call } = callQuery.parse(request.query);
    const form = statusForm.parse(request.body);
    await deps.mongo.repositories.contactAttempts.recordCallStatus({ callSid: form.CallSid, status: form.CallStatus });
    const status = form.CallStatus;
    await deps.gateway.callStatus(
      call,
      isFinalCallStatus(status)
        ? { callSid: form.CallSid, status, answeredBy: form.AnsweredBy, durationSeconds: Number(form.CallDuration ?? 0) || 0 }
        : { status: 'progress' },
    );
    return reply.code(204).send();
  });
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
