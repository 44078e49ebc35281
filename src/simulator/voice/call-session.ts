import type { LiveCall, SimulatorContext } from '../context';
import { rfc2822 } from '../ids';
import type { SimulatorAccount } from '../options';
import type { Person } from '../personas/people-registry';
import { type AnsweredBy, type CallRecord, type CallStatus, TERMINAL_CALL_STATUSES, type TranscriptNote } from '../records';
import { TwimlError, parseTwiml } from '../twiml/twiml-document';
import type { HttpMethod } from '../webhooks/webhook-sender';
import type { MachineDetection } from './answering';
import { Callee } from './callee';
import type { TwimlSource } from './twiml-source';
import { type VoiceVerb, voiceVerbs } from './voice-verbs';

export type StatusCallbackEvent = 'initiated' | 'ringing' | 'answered' | 'completed';

/** The call parameters that shape how the simulator runs it (from the REST request). */
export interface CallRequest {
  url: string | null;
  method: HttpMethod;
  twiml: string | null;
  fallbackUrl: string | null;
  fallbackMethod: HttpMethod;
  statusCallback: string | null;
  statusCallbackMethod: HttpMethod;
  statusCallbackEvents: ReadonlySet<StatusCallbackEvent>;
  machineDetection: MachineDetection | null;
  ringTimeoutSeconds: number;
  timeLimitSeconds: number;
}

/** Why the call's current step stopped early. */
export class CallInterrupted extends Error {
  constructor(readonly why: 'redirect' | 'ended' | 'time-limit' | 'closed') {
    super(`call interrupted: ${why}`);
    this.name = 'CallInterrupted';
  }
}

/** A fetched and checked TwiML document, or Twilio's reason for giving up on it. */
export type FetchedTwiml =
  | { ok: true; verbs: VoiceVerb[]; documentUrl: string | null }
  | { ok: false; code: number; reason: string };

// SIP codes Twilio reports with final call statuses.
const SIP_RESPONSE: Partial<Record<CallStatus, string>> = {
  completed: '200',
  busy: '486',
  'no-answer': '487',
  canceled: '487',
  failed: '404',
};
// US outbound voice price per started minute, negative as Twilio reports charges.
const PRICE_PER_MINUTE = 0.014;
// TwiML bodies are kept in the transcript up to this size.
const MAX_RECORDED_TWIML = 20_000;

/**
 * One call's state and its effects: simulated time, transcript, status changes and their
 * callbacks, TwiML fetches. The REST API steers it through LiveCall.
 */
export class CallSession implements LiveCall {
  readonly callee: Callee;
  private elapsedMs = 0;
  private answeredAtMs: number | null = null;
  private readonly ended = new AbortController();
  private documentControl = new AbortController();
  private pendingRedirect: TwimlSource | null = null;
  private twimlStarted = false;
  private requestedEnd: 'completed' | 'canceled' | null = null;
  private callbacks: Promise<void> = Promise.resolve();
  private callbackSequence = 0;

  constructor(
    readonly context: SimulatorContext,
    readonly account: SimulatorAccount,
    readonly sid: string,
    readonly request: CallRequest,
    person: Person,
  ) {
    this.callee = new Callee(person);
  }

  get record(): Readonly<CallRecord> {
    return this.context.store.call(this.sid)!;
  }

  get elapsedSeconds(): number {
    return Math.round(this.elapsedMs / 100) / 10;
  }

  get endRequest(): 'completed' | 'canceled' | null {
    return this.requestedEnd;
  }

  end(status: 'completed' | 'canceled'): void {
    this.requestedEnd = status;
    this.ended.abort(new CallInterrupted('ended'));
  }

  /** Before its TwiML starts, a redirect only replaces the call's first document. */
  redirect(source: TwimlSource): void {
    this.pendingRedirect = source;
    if (this.twimlStarted) this.documentControl.abort(new CallInterrupted('redirect'));
  }

  /** Marks the TwiML as running; returns its first document (a redirect received meanwhile wins). */
  startTwiml(initial: TwimlSource): TwimlSource {
    this.twimlStarted = true;
    const source = this.pendingRedirect ?? initial;
    this.pendingRedirect = null;
    return source;
  }

  /** Aborted when the call leaves its current document, ends, or the simulator closes. */
  get signal(): AbortSignal {
    return AbortSignal.any([this.documentControl.signal, this.ended.signal, this.context.lifetime]);
  }

  isAnswered(): boolean {
    return this.answeredAtMs !== null;
  }

  /** The TwiML the REST API redirected the call to; the next document runs uninterrupted. */
  takeRedirect(): TwimlSource {
    const source = this.pendingRedirect!;
    this.pendingRedirect = null;
    this.documentControl = new AbortController();
    return source;
  }

  /** Lets `seconds` of simulated call time pass (scaled in real time), unless interrupted. */
  async pass(seconds: number): Promise<void> {
    let ms = seconds * 1000;
    let hitsTimeLimit = false;
    if (this.answeredAtMs !== null) {
      const left = this.request.timeLimitSeconds * 1000 - (this.elapsedMs - this.answeredAtMs);
      hitsTimeLimit = ms >= left;
      ms = Math.min(ms, Math.max(0, left));
    }
    try {
      await this.context.clock.wait(ms, AbortSignal.any([this.documentControl.signal, this.ended.signal]));
    } catch (error) {
      throw this.interruption(error);
    }
    this.elapsedMs += ms;
    if (hitsTimeLimit) throw new CallInterrupted('time-limit');
  }

  /** Maps an abort to why it happened (the simulator closing shows up as the clock's rejection). */
  interruption(error: unknown): unknown {
    if (error instanceof CallInterrupted) return error;
    return this.context.lifetime.aborted ? new CallInterrupted('closed') : error;
  }

  note(entry: TranscriptNote): void {
    this.context.store.appendTranscript(this.sid, { ...entry, elapsedSeconds: this.elapsedSeconds });
  }

  /** Records a status change and posts it if the StatusCallbackEvent list asks for it. */
  setStatus(status: CallStatus): void {
    this.context.store.setCallStatus(this.sid, status, this.elapsedSeconds);
    const event: StatusCallbackEvent =
      status === 'in-progress' ? 'answered' : TERMINAL_CALL_STATUSES.has(status) ? 'completed' : (status as StatusCallbackEvent);
    if (this.request.statusCallback && this.request.statusCallbackEvents.has(event)) this.queueStatusCallback();
  }

  answer(answeredBy: AnsweredBy | null): void {
    this.answeredAtMs = this.elapsedMs;
    this.context.store.updateCall(this.sid, { startTime: new Date(), answeredBy });
    this.setStatus('in-progress');
  }

  /** Ends the call with its final status, duration and price, and records why. */
  finish(status: CallStatus, errorCode: number | null = null): void {
    const durationSeconds = this.answeredAtMs === null ? 0 : Math.ceil((this.elapsedMs - this.answeredAtMs) / 1000);
    const minutes = Math.ceil(durationSeconds / 60);
    this.context.store.updateCall(this.sid, {
      endTime: new Date(),
      durationSeconds,
      price: this.answeredAtMs === null ? null : (-PRICE_PER_MINUTE * minutes).toFixed(5),
      errorCode,
    });
    this.setStatus(status);
  }

  /** Waits for the last status callback, then marks the call settled for observers. */
  async settle(): Promise<void> {
    await this.callbacks;
    this.context.liveCalls.delete(this.sid);
    this.context.store.markCallSettled(this.sid);
  }

  /** The parameters Twilio sends with every voice request about this call. */
  callParams(): Record<string, string> {
    const call = this.record;
    const params: Record<string, string> = {
      AccountSid: call.accountSid,
      ApiVersion: '2010-04-01',
      CallSid: call.sid,
      CallStatus: call.status,
      Called: call.to,
      Caller: call.from,
      Direction: call.direction,
      From: call.from,
      To: call.to,
    };
    if (call.answeredBy !== null) params.AnsweredBy = call.answeredBy;
    return params;
  }

  /** Gets the next TwiML document: fetched from its URL (FallbackUrl on failure) or given inline. */
  async fetchTwiml(source: TwimlSource): Promise<FetchedTwiml> {
    if (source.kind === 'inline') return checked(source.twiml, null);
    const first = await this.fetchDocument(source);
    if (first.ok || source.purpose !== 'voice-url' || !this.request.fallbackUrl) return first;
    return this.fetchDocument({
      kind: 'url',
      url: this.request.fallbackUrl,
      method: this.request.fallbackMethod,
      purpose: 'fallback-url',
      params: { ErrorCode: String(first.code), ErrorUrl: source.url },
    });
  }

  private async fetchDocument(source: Extract<TwimlSource, { kind: 'url' }>): Promise<FetchedTwiml> {
    const result = await this.context.webhooks
      .send(this.account.authToken, {
        url: source.url,
        method: source.method,
        params: { ...this.callParams(), ...source.params },
        purpose: source.purpose,
        callSid: this.sid,
        signal: this.signal,
      })
      .catch((error: unknown) => {
        throw this.interruption(error);
      });
    this.elapsedMs += result.durationMs;
    this.note({
      kind: 'twiml-fetch',
      url: source.url,
      method: source.method,
      statusCode: result.statusCode,
      durationMs: result.durationMs,
      twiml: result.body.slice(0, MAX_RECORDED_TWIML) || null,
      error: result.ok ? null : result.reason,
    });
    return result.ok ? checked(result.body, source.url) : { ok: false, code: result.errorCode, reason: result.reason };
  }

  private queueStatusCallback(): void {
    const call = this.record;
    const params: Record<string, string> = {
      ...this.callParams(),
      CallbackSource: 'call-progress-events',
      SequenceNumber: String(this.callbackSequence++),
      Timestamp: rfc2822(new Date())!,
    };
    if (TERMINAL_CALL_STATUSES.has(call.status)) {
      params.CallDuration = String(call.durationSeconds ?? 0);
      params.SipResponseCode = SIP_RESPONSE[call.status] ?? '200';
      if (call.errorCode !== null) params.ErrorCode = String(call.errorCode);
    }
    // Callbacks go out in order but do not hold up the call, as with Twilio.
    this.callbacks = this.callbacks.then(async () => {
      const result = await this.context.webhooks
        .send(this.account.authToken, {
          url: this.request.statusCallback!,
          method: this.request.statusCallbackMethod,
          params,
          purpose: 'call-status-callback',
          callSid: this.sid,
          signal: this.context.lifetime,
        })
        .catch(() => null);
      if (result && !result.ok) {
        this.context.log({ level: 'warn', message: result.reason, code: result.errorCode, callSid: this.sid });
      }
    });
  }
}

function checked(twiml: string, documentUrl: string | null): FetchedTwiml {
  try {
    return { ok: true, verbs: voiceVerbs(parseTwiml(twiml)), documentUrl };
  } catch (error) {
    if (error instanceof TwimlError) return { ok: false, code: error.code, reason: error.message };
    throw error;
  }
}
