// The consent and opt-out ledger of one phone number, folded from its events in time order. An
// opt-out holds until the person opts back in (TCPA: revocation by any reasonable means must be
// honoured; 12 CFR 1006.6(e) for texts), whichever campaign or channel it came through.

export interface ConsentEvent {
  kind: 'opt-out' | 'opt-in' | 'artificial-voice-consent' | 'artificial-voice-revoked';
  channel: 'sms' | 'voice' | 'all';
  at: Date | number;
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
    if (event.kind === 'opt-out' || event.kind === 'opt-in') {
      const optedOut = event.kind === 'opt-out';
      if (sms) permissions.smsOptedOut = optedOut;
      if (voice) permissions.voiceOptedOut = optedOut;
    } else {
      permissions.artificialVoiceConsent = event.kind === 'artificial-voice-consent';
    }
  }
  return permissions;
}
