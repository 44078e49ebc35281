/**
 * Twilio's default opt-out handling (https://help.twilio.com/articles/223134027): these keywords,
 * sent to a Twilio number, stop every later message from that number to the sender (error 21610)
 * until they send an opt-in keyword. Twilio answers each with a fixed confirmation.
 */
const OPT_OUT_KEYWORDS = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT']);
const OPT_IN_KEYWORDS = new Set(['START', 'YES', 'UNSTOP']);

export const OPT_OUT_CONFIRMATION =
  'You have successfully been unsubscribed. You will not receive any more messages from this number. Reply START to resubscribe.';
export const OPT_IN_CONFIRMATION =
  'You have successfully been re-subscribed to messages from this number. Reply HELP for help. Reply STOP to unsubscribe. Msg&Data Rates May Apply.';

export type OptKeyword = 'opt-out' | 'opt-in' | null;

/** Twilio matches the whole message, trimmed, case-insensitively. */
export function optKeyword(body: string): OptKeyword {
  const word = body.trim().toUpperCase();
  if (OPT_OUT_KEYWORDS.has(word)) return 'opt-out';
  if (OPT_IN_KEYWORDS.has(word)) return 'opt-in';
  return null;
}

export class OptOutRegistry {
  private readonly pairs = new Set<string>();

  optOut(serviceNumber: string, person: string): void {
    this.pairs.add(`${serviceNumber}|${person}`);
  }

  optIn(serviceNumber: string, person: string): void {
    this.pairs.delete(`${serviceNumber}|${person}`);
  }

  hasOptedOut(serviceNumber: string, person: string): boolean {
    return this.pairs.has(`${serviceNumber}|${person}`);
  }
}
