import type { HangupCause } from '../../records';
import type { HttpMethod } from '../../webhooks/webhook-sender';
import type { TwimlSource } from '../twiml-source';

/** What a verb leaves the call to do next. */
export type VerbOutcome =
  | { next: 'continue' }
  | { next: 'navigate'; source: TwimlSource }
  | { next: 'hangup'; by: HangupCause }
  | { next: 'error'; code: number; reason: string };

export const CONTINUE: VerbOutcome = { next: 'continue' };

/**
 * Requests `target` (an action or Redirect URL, relative to the current document; the document
 * itself when absent, as Twilio does) with the verb's result parameters.
 */
export function navigateTo(
  documentUrl: string | null,
  target: string | null,
  method: HttpMethod,
  purpose: string,
  params: Readonly<Record<string, string>> = {},
): VerbOutcome {
  const base = documentUrl ?? undefined;
  const raw = target ?? documentUrl;
  try {
    if (raw === null) throw new Error('no action URL, and inline TwiML has no document URL to default to');
    return { next: 'navigate', source: { kind: 'url', url: new URL(raw, base).toString(), method, purpose, params } };
  } catch (error) {
    // 11100: Twilio cannot request a URL that is not absolute or resolvable.
    return { next: 'error', code: 11100, reason: `Invalid URL "${raw ?? ''}": ${(error as Error).message}` };
  }
}
