import { blockReasonOf } from '../blocked-numbers';
import type { SimulatorContext } from '../context';
import type { SimulatorAccount } from '../options';
import { isE164 } from '../phone-numbers';
import type { CallRecord } from '../records';
import { newCallRecord } from './call-record';
import { twilioErrors } from '../twilio-errors';
import type { HttpMethod } from '../webhooks/webhook-sender';
import { DETECTION_SECONDS, type MachineDetection, detectAnsweredBy, waitsForGreetingEnd } from './answering';
import { runAnsweredCall, runCall } from './call-lifecycle';
import { type CallRequest, CallSession, type StatusCallbackEvent } from './call-session';

/** The Calls resource's create parameters, as posted by the twilio client (repeated names are arrays). */
export type CallCreateParams = Readonly<Record<string, string | string[] | undefined>>;

const STATUS_CALLBACK_EVENTS = new Set<StatusCallbackEvent>(['initiated', 'ringing', 'answered', 'completed']);
// Twilio caps the ring timeout at 600 s and defaults it to 60 s; calls last at most 4 hours.
const MAX_RING_TIMEOUT_SECONDS = 600;
const DEFAULT_RING_TIMEOUT_SECONDS = 60;
const DEFAULT_TIME_LIMIT_SECONDS = 14_400;
// The network sets a call up in about a second before it starts ringing.
const SETUP_SECONDS = 1;

/**
 * Accepts a call as Twilio's REST API does (or throws Twilio's error), records it as queued and
 * starts it: the person's phone rings, and if someone picks up the TwiML runs.
 */
export function placeCall(context: SimulatorContext, account: SimulatorAccount, params: CallCreateParams): CallRecord {
  const to = single(params.To);
  const from = single(params.From);
  if (!to) throw twilioErrors.callToRequired();
  if (!from) throw twilioErrors.callFromRequired();
  const request = callRequest(params);
  if (!isE164(to)) throw twilioErrors.invalidTo(to);
  const number = context.serviceNumber(from);
  if (!number || (number.accountSid ?? context.options.accounts[0]!.sid) !== account.sid) {
    throw twilioErrors.callerIdNotVerified(from);
  }
  const blocked = blockReasonOf(context.options.blockedNumbers, to);
  if (blocked === 'geo-permission') throw twilioErrors.callGeoPermission(to);
  if (blocked === 'blocklisted') throw twilioErrors.callBlocked(to);

  const call = newCallRecord({ accountSid: account.sid, from, to, direction: 'outbound-api', status: 'queued' });
  context.store.addCall(call);
  const session = new CallSession(context, account, call.sid, request, context.people.at(to));
  context.liveCalls.set(call.sid, session);
  context.log({ level: 'info', message: `call queued from ${from} to ${to}`, callSid: call.sid });
  context.tasks.run(`call ${call.sid}`, () => runOutboundCall(session));
  return call;
}

function callRequest(params: CallCreateParams): CallRequest {
  const url = single(params.Url) ?? null;
  const twiml = single(params.Twiml) ?? null;
  if (!url && !twiml) throw twilioErrors.callUrlRequired();
  if (url && !isHttpUrl(url)) throw twilioErrors.invalidUrl(url);
  const statusCallback = single(params.StatusCallback) ?? null;
  if (statusCallback && !isHttpUrl(statusCallback)) throw twilioErrors.invalidUrl(statusCallback);
  const events = [params.StatusCallbackEvent ?? []].flat().flatMap((e) => e.split(/[\s,]+/)).filter(Boolean);
  const unknownEvent = events.find((e) => !STATUS_CALLBACK_EVENTS.has(e as StatusCallbackEvent));
  if (unknownEvent) throw twilioErrors.invalidParameter(`StatusCallbackEvent "${unknownEvent}" is not valid`);
  const machineDetection = single(params.MachineDetection);
  if (machineDetection && machineDetection !== 'Enable' && machineDetection !== 'DetectMessageEnd') {
    throw twilioErrors.invalidParameter(`MachineDetection must be Enable or DetectMessageEnd, got "${machineDetection}"`);
  }
  return {
    url,
    method: httpMethod(params.Method),
    twiml,
    fallbackUrl: single(params.FallbackUrl) ?? null,
    fallbackMethod: httpMethod(params.FallbackMethod),
    statusCallback,
    statusCallbackMethod: httpMethod(params.StatusCallbackMethod),
    // Without StatusCallbackEvent, Twilio reports only the final status.
    statusCallbackEvents: new Set(events.length > 0 ? (events as StatusCallbackEvent[]) : ['completed']),
    machineDetection: (machineDetection as MachineDetection | undefined) ?? null,
    ringTimeoutSeconds: Math.min(MAX_RING_TIMEOUT_SECONDS, positiveInteger(params.Timeout) ?? DEFAULT_RING_TIMEOUT_SECONDS),
    timeLimitSeconds: positiveInteger(params.TimeLimit) ?? DEFAULT_TIME_LIMIT_SECONDS,
  };
}

/** The call's life: setup, ringing, then busy / no-answer / failed, or answered and run to the end. */
function runOutboundCall(session: CallSession): Promise<void> {
  const persona = session.callee.person.persona;
  return runCall(session, async () => {
    await session.pass(SETUP_SECONDS);
    session.setStatus('initiated');
    if (persona.answers === 'fail' || persona.answers === 'busy') {
      await session.pass(SETUP_SECONDS);
      session.finish(persona.answers === 'fail' ? 'failed' : 'busy');
      return;
    }
    session.setStatus('ringing');
    const ringTimeout = session.request.ringTimeoutSeconds;
    if (persona.answers === 'nobody' || persona.ringSeconds > ringTimeout) {
      await session.pass(ringTimeout);
      session.finish('no-answer');
      return;
    }
    await session.pass(persona.ringSeconds);
    await answer(session);
  });
}

/** The person or their voicemail picks up; detection runs if asked; then the TwiML. */
async function answer(session: CallSession): Promise<void> {
  const { callee, request } = session;
  const persona = callee.person.persona;
  const detection = request.machineDetection;
  const answeredBy = detection ? detectAnsweredBy(persona, detection) : null;
  session.answer(answeredBy);
  if (callee.isMachine) session.note({ kind: 'machine-greeting', text: persona.voicemail.greeting });
  else session.note({ kind: 'person-said', text: persona.conversation.pickUpLine, confidence: 1, language: persona.conversation.language });
  if (detection && answeredBy) {
    await session.pass(waitsForGreetingEnd(answeredBy, detection) ? persona.voicemail.greetingSeconds : DETECTION_SECONDS);
  }
  await runAnsweredCall(
    session,
    request.url ? { kind: 'url', url: request.url, method: request.method, purpose: 'voice-url' } : { kind: 'inline', twiml: request.twiml! },
  );
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function httpMethod(value: string | string[] | undefined): HttpMethod {
  return single(value)?.toUpperCase() === 'GET' ? 'GET' : 'POST';
}

function positiveInteger(value: string | string[] | undefined): number | undefined {
  const n = Number(single(value));
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
