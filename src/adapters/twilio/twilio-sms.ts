import type { TwilioRestClient } from './twilio-rest-client';

// Outbound SMS through Twilio's Messages resource. Twilio's errors become two kinds: a rejection
// no retry can fix (bad or unreachable number, opted-out recipient), and everything else
// (rate limits, 5xx, network), which the caller may retry.

export interface SmsSent {
  sid: string;
  status: string;
}

export interface SmsGateway {
  send(message: { to: string; body: string; statusCallback: string }): Promise<SmsSent>;
  /** A message to `to` with this body created since `since`: how a retry finds a send that succeeded before a crash. */
  findSent(query: { to: string; body: string; since: Date }): Promise<SmsSent | undefined>;
}

export class SmsRejectedError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SmsRejectedError';
  }
}

// https://www.twilio.com/docs/api/errors: 21211 invalid To, 21408 region not enabled, 21610
// unsubscribed recipient, 21612 unreachable, 21614 not a mobile number.
const permanentCodes = new Set([21211, 21408, 21610, 21612, 21614]);

export function twilioSmsGateway(client: TwilioRestClient, from: string): SmsGateway {
  return {
    async send({ to, body, statusCallback }) {
      try {
        const message = await client.messages.create({ to, from, body, statusCallback });
        return { sid: message.sid, status: message.status };
      } catch (err) {
        const { code, status, message } = err as { code?: number; status?: number; message?: string };
        if (code !== undefined && (permanentCodes.has(code) || (status !== undefined && status >= 400 && status < 500 && status !== 429))) {
          throw new SmsRejectedError(String(code), message ?? 'rejected by Twilio');
        }
        throw err;
      }
    },
    async findSent({ to, body, since }) {
      // Not filtered by DateSent: a message Twilio has accepted but not yet sent has none.
      const recent = await client.messages.list({ to, from, limit: 50 });
      const match = recent.find((m) => m.body === body && m.dateCreated >= since);
      return match ? { sid: match.sid, status: match.status } : undefined;
    },
  };
}
