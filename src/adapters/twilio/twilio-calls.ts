import type { TwilioRestClient } from './twilio-rest-client';

// Outbound calls through Twilio's Calls resource. As with SMS, Twilio's errors become two kinds: a
// rejection no retry can fix (invalid or blocked number, no permission to call it) and everything
// else (rate limits, 5xx, network), which the caller may retry.

export type MachineDetectionMode = 'Enable' | 'DetectMessageEnd';

/** Twilio's final call statuses: the status callback's "completed" event carries one of these. */
export const finalCallStatuses = ['completed', 'busy', 'no-answer', 'failed', 'canceled'] as const;
export type FinalCallStatus = (typeof finalCallStatuses)[number];

export function isFinalCallStatus(status: string): status is FinalCallStatus {
  return (finalCallStatuses as readonly string[]).includes(status);
}

export interface CallReport {
  sid: string;
  status: string;
  answeredBy?: string;
  durationSeconds: number;
}

export interface PlaceCallRequest {
  to: string;
  /** The answer URL: Twilio requests it for the first TwiML when the call is picked up. */
  url: string;
  statusCallback: string;
  /** Unset: no answering machine detection. */
  machineDetection?: MachineDetectionMode;
  /** How long it rings before no-answer, seconds. */
  ringTimeoutSeconds: number;
}

export interface CallGateway {
  place(request: PlaceCallRequest): Promise<CallReport>;
  fetch(sid: string): Promise<CallReport>;
  /** A call to `to` created since `since`: how a retry finds a call placed before a crash. */
  findPlaced(query: { to: string; since: Date }): Promise<CallReport | undefined>;
}

export class CallRejectedError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CallRejectedError';
  }
}

// https://www.twilio.com/docs/api/errors: 21211 invalid To, 21214 To not reachable, 21215 geo
// permission, 21216 blocklisted, 21217 not a valid number, 13224 unsupported number.
const permanentCodes = new Set([21211, 21214, 21215, 21216, 21217, 13224]);

export function twilioCallGateway(client: TwilioRestClient, from: string): CallGateway {
  const report = (call: { sid: string; status: string; answeredBy?: string | null; duration?: string | null }): CallReport => ({
    sid: call.sid,
    status: call.status,
    answeredBy: call.answeredBy ?? undefined,
    durationSeconds: Number(call.duration ?? 0) || 0,
  });
  return {
    async place(request) {
      try {
        const call = await client.calls.create({
          to: request.to,
          from,
          url: request.url,
          method: 'POST',
          statusCallback: request.statusCallback,
          statusCallbackMethod: 'POST',
          // Progress events keep the placeCall activity's heartbeat alive while the phone rings.
          statusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'],
          timeout: request.ringTimeoutSeconds,
          ...(request.machineDetection ? { machineDetection: request.machineDetection } : {}),
        });
        return report(call);
      } catch (err) {
        const { code, status, message } = err as { code?: number; status?: number; message?: string };
        if (code !== undefined && (permanentCodes.has(code) || (status !== undefined && status >= 400 && status < 500 && status !== 429))) {
          throw new CallRejectedError(String(code), message ?? 'rejected by Twilio');
        }
        throw err;
      }
    },
    async fetch(sid) {
      return report(await client.calls(sid).fetch());
    },
    async findPlaced({ to, since }) {
      const recent = await client.calls.list({ to, from, limit: 20 });
      const match = recent.find((c) => c.dateCreated !== null && c.dateCreated >= since);
      return match ? report(match) : undefined;
    },
  };
}
