// The consent and opt-out ledger of one phone number, folded from its events in time order. An
// opt-out holds until the person opts back in (TCPA: revocation by any reasonable means must be
// honoured; 12 CFR 1006.6(e) for texts), whichever campaign or channel it came through. Consent
// is the consumer's to give: an operator's entry lifts an opt-out or a revocation only with a
// reference to the consumer's own consent (a signed form, a recorded call), and the fold itself
// holds to that, so no entry written around the API's check can lift one either.

export interface ConsentEvent {
  kind: 'opt-out' | 'opt-in' | 'artificial-voice-consent' | 'artificial-voice-revoked';
  channel: 'sms' | 'voice' | 'all';
  at: Date | number;
  /** Who recorded it: 'sms:stop', 'call:<attempt>', 'operator:<who and why>'. */
  source?: string;
  /** Where the consumer's own consent is kept; what lets an operator's entry lift an opt-out. */
  evidenceRef?: string | null;
}

/** The source prefix of entries an operator makes (use-cases/consent-ledger.ts). */
export const operatorSource = 'operator:';

/** An operator's consent with nothing to show the consumer gave it: it cannot undo the consumer's refusal. */
function isUnevidencedOperatorConsent(event: Pick<ConsentEvent, 'source' | 'evidenceRef'>): boolean {
  return (event.source ?? '').startsWith(operatorSource) && !event.evidenceRef;
}

export interface ContactPermissions {
  smsOptedOut: boolean;
  voiceOptedOut: boolean;
  /**
   * Prior express consent to artificial-voice calls (FCC 24-17) as the ledger last recorded it;
   * undefined when the ledger holds none, and the consent given with the debtor's import decides.
   */
  artificialVoiceConsent?: boolean;
}

export function foldConsentEvents(events: readonly ConsentEvent[]): ContactPermissions {
  const ordered = [...events].sort((a, b) => Number(a.at) - Number(b.at));
  const permissions: ContactPermissions = { smsOptedOut: false, voiceOptedOut: false };
  for (const event of ordered) {
    const sms = event.channel === 'sms' || event.channel === 'all';
    const voice = event.channel === 'voice' || event.channel === 'all';
    const giving = event.kind === 'opt-in' || event.kind === 'artificial-voice-consent';
    const liftsNothing = giving && isUnevidencedOperatorConsent(event);
    if (event.kind === 'opt-out' || event.kind === 'opt-in') {
      const optedOut = event.kind === 'opt-out';
      if (sms && !liftsNothing) permissions.smsOptedOut = optedOut;
      if (voice && !liftsNothing) permissions.voiceOptedOut = optedOut;
    } else if (!(liftsNothing && permissions.artificialVoiceConsent === false)) {
      permissions.artificialVoiceConsent = event.kind === 'artificial-voice-consent';
    }
  }
  return permissions;
}

/**
 * Why an operator's entry may not be recorded as it is: it gives consent back that the consumer
 * withdrew (an opt-out on its channel, a revoked artificial-voice consent) without `evidenceRef`.
 * Undefined when it may.
 */
export function unevidencedLift(entry: Pick<ConsentEvent, 'kind' | 'channel' | 'evidenceRef'>, permissions: ContactPermissions): string | undefined {
  if (entry.evidenceRef) return undefined;
  if (entry.kind === 'artificial-voice-consent' && permissions.artificialVoiceConsent === false) return 'the number revoked its consent to artificial-voice calls';
  if (entry.kind !== 'opt-in') return undefined;
  const withdrawn = [
    ...(entry.channel !== 'voice' && permissions.smsOptedOut ? ['texts'] : []),
    ...(entry.channel !== 'sms' && permissions.voiceOptedOut ? ['calls'] : []),
  ];
  return withdrawn.length > 0 ? `the number opted out of ${withdrawn.join(' and ')}` : undefined;
}
