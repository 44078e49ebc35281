import type { HttpMethod } from '../webhooks/webhook-sender';

/** Where a call's next TwiML comes from: a webhook to fetch, or TwiML given inline (the Twiml parameter). */
export type TwimlSource =
  | { kind: 'url'; url: string; method: HttpMethod; purpose: string; params?: Readonly<Record<string, string>> }
  | { kind: 'inline'; twiml: string };
