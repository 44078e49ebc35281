import { randomUUID } from 'node:crypto';
import type { SimulatorStore } from '../store';
import { twilioSignature } from './signature';

export type HttpMethod = 'GET' | 'POST';

export interface WebhookRequest {
  url: string;
  method: HttpMethod;
  params: Readonly<Record<string, string>>;
  /** What the request is for ("voice-url", "gather-action", "status-callback"...), for the record. */
  purpose: string;
  callSid?: string;
  messageSid?: string;
  /** Aborts the request without retrying (the call was redirected or hung up meanwhile). */
  signal?: AbortSignal;
}

export type WebhookResult =
  | { ok: true; statusCode: number; body: string; durationMs: number }
  | {
      ok: false;
      statusCode: number | null;
      body: string;
      durationMs: number;
      /** 11200: HTTP retrieval failure (an error status); 11205: HTTP connection failure or timeout. */
      errorCode: 11200 | 11205;
      reason: string;
    };

export interface WebhookPolicy {
  /** Twilio gives up on a webhook after 15 s by default. */
  timeoutMs: number;
  /** Retries after a connection failure, a timeout or a 5xx answer. */
  retries: number;
  /** Copies of each webhook sent at once (1: no copies); the first copy's answer is the one acted on. */
  repeat?: number;
}

/**
 * Sends webhooks the way Twilio does: form-encoded (query string for GET), signed with
 * X-Twilio-Signature, one I-Twilio-Idempotency-Token shared by every retry of the same request.
 * Twilio retries once by default on connection failure, and on read timeouts and 5xx answers when
 * asked to (https://www.twilio.com/docs/usage/webhooks/webhooks-connection-overrides); the
 * simulator retries all three, `retries` times, so a flaky handler is exercised either way.
 */
export class WebhookSender {
  constructor(
    private readonly store: SimulatorStore,
    private readonly policy: WebhookPolicy,
  ) {}

  /** Every copy carries the same idempotency token: to the service they are one webhook delivered more than once. */
  async send(authToken: string, request: WebhookRequest): Promise<WebhookResult> {
    const idempotencyToken = randomUUID();
    const copies = Array.from({ length: (this.policy.repeat ?? 1) - 1 }, () =>
      this.deliver(authToken, request, idempotencyToken).catch(() => undefined),
    );
    const [result] = await Promise.all([this.deliver(authToken, request, idempotencyToken), ...copies]);
    return result;
  }

  private async deliver(authToken: string, request: WebhookRequest, idempotencyToken: string): Promise<WebhookResult> {
    let result: WebhookResult | undefined;
    for (let attempt = 1; attempt <= this.policy.retries + 1; attempt++) {
      result = await this.attempt(authToken, request, idempotencyToken, attempt);
      if (result.ok || !isRetryable(result)) return result;
    }
    return result as WebhookResult;
  }

  private async attempt(
    authToken: string,
    request: WebhookRequest,
    idempotencyToken: string,
    attempt: number,
  ): Promise<WebhookResult> {
    const { url, body, signature } = signedRequest(authToken, request);
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(new Error('timeout')), this.policy.timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout.signal]) : timeout.signal;
    const started = Date.now();
    let result: WebhookResult;
    try {
      const response = await fetch(url, {
        method: request.method,
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'X-Twilio-Signature': signature,
          'I-Twilio-Idempotency-Token': idempotencyToken,
          'User-Agent': 'TwilioProxy/1.1',
          Accept: '*/*',
        },
        body,
        signal,
      });
      const text = await response.text();
      result = response.ok
        ? { ok: true, statusCode: response.status, body: text, durationMs: Date.now() - started }
        : {
            ok: false,
            statusCode: response.status,
            body: text,
            durationMs: Date.now() - started,
            errorCode: 11200,
            reason: `HTTP ${response.status} from ${request.url}`,
          };
    } catch (error) {
      if (request.signal?.aborted) throw request.signal.reason;
      const timedOut = timeout.signal.aborted;
      result = {
        ok: false,
        statusCode: null,
        body: '',
        durationMs: Date.now() - started,
        errorCode: 11205,
        reason: timedOut
          ? `Timed out after ${this.policy.timeoutMs} ms waiting for ${request.url}`
          : `Connection to ${request.url} failed: ${connectionFailure(error)}`,
      };
    } finally {
      clearTimeout(timer);
    }
    this.store.recordWebhook({
      url: request.url,
      method: request.method,
      purpose: request.purpose,
      attempt,
      statusCode: result.statusCode,
      durationMs: result.durationMs,
      error: result.ok ? null : result.reason,
      callSid: request.callSid ?? null,
      messageSid: request.messageSid ?? null,
    });
    return result;
  }
}

/** For GET, Twilio puts the parameters in the query string and signs the resulting URL alone. */
function signedRequest(authToken: string, request: WebhookRequest) {
  if (request.method === 'GET') {
    const url = new URL(request.url);
    for (const [name, value] of Object.entries(request.params)) url.searchParams.append(name, value);
    return { url: url.toString(), body: undefined, signature: twilioSignature(authToken, url.toString(), {}) };
  }
  return {
    url: request.url,
    body: new URLSearchParams(request.params as Record<string, string>).toString(),
    signature: twilioSignature(authToken, request.url, request.params),
  };
}

function isRetryable(result: Extract<WebhookResult, { ok: false }>): boolean {
  return result.statusCode === null || result.statusCode >= 500;
}

function connectionFailure(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return cause instanceof Error ? cause.message : String(cause);
}
