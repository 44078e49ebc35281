import { twilioSignature } from '../simulator';
import { msSince } from './stats';
import { unescapeXml } from '../voice/call-twiml';

// The harness playing Twilio for voice turns: signed form POSTs to the service's webhooks, as
// Twilio sends them, timed from the request to the TwiML. The simulator places the call (its
// callee keeps ringing) so the service sees a real call; the turns are sent from here so each
// one's latency is measured where Twilio would wait for it.

/** A cooperative caller, as the rule engine hears it: one line a turn. */
export const cooperativeLines = [
  'Yes, this is Jordan Lee.',
  '1985',
  'Okay, I understand.',
  "Yes, I'd like to pay the full balance today.",
  "Yes, that's right.",
  "No, that's all. Thank you.",
];

export interface WebhookAnswer {
  status: number;
  body: string;
  ms: number;
}

export type SignedPost = (url: string, params: Record<string, string>) => Promise<WebhookAnswer>;

/** Signed POSTs; `repeat` sends that many copies at once (a fault run) and answers with the first. */
export function signedPoster(authToken: string, repeat = 1): SignedPost {
  const once = async (url: string, params: Record<string, string>): Promise<WebhookAnswer> => {
    const started = process.hrtime.bigint();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilioSignature(authToken, url, params) },
      body: new URLSearchParams(params).toString(),
    });
    const body = await response.text();
    return { status: response.status, body, ms: msSince(started) };
  };
  return async (url, params) => {
    const copies = Array.from({ length: repeat - 1 }, () => once(url, params).catch(() => undefined));
    const [first] = await Promise.all([once(url, params), ...copies]);
    return first;
  };
}

/** Where Twilio posts the caller's answer: the <Gather action>, absent when the call is over. */
export function gatherActionOf(twiml: string): string | undefined {
  const action = /<Gather\b[^>]*\baction="([^"]+)"/.exec(twiml)?.[1];
  return action === undefined ? undefined : unescapeXml(action);
}

/** A holding prompt: the turn was not ready in CALL_TURN_WAIT_MS, and Twilio is sent to /pending for it. */
export function holdingRedirectOf(twiml: string): string | undefined {
  const redirect = /<Redirect\b[^>]*>([^<]*\/voice\/pending[^<]*)<\/Redirect>/.exec(twiml)?.[1];
  return redirect === undefined ? undefined : unescapeXml(redirect);
}
