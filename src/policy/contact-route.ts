import type { Campaign, Channel } from '../campaigns/campaign-schema';
import type { ContactPermissions } from './consent-ledger';

// How a due cadence step reaches the person, given who said stop and who consented to what.
// An opt-out, from this account or from the shared ledger, holds on its channel (TCPA revocation;
// 12 CFR 1006.6(e) for texts). FCC 24-17: no artificial-voice call without prior express consent,
// which the ledger's latest word decides and, without one, the consent given with the import.

export type ContactRoute =
  /** Carried out on the step's own channel. */
  | { kind: 'as-planned'; channel: Channel }
  /** The person opted out of `channel`: nothing is sent, and the account remembers the opt-out. */
  | { kind: 'opted-out'; channel: Channel }
  /** A call step without consent, carried out as the campaign says: a text, or a person calling. */
  | { kind: 'text-instead' }
  | { kind: 'human-call' }
  /** A call step without consent whose text fallback is opted out too: nothing is sent. */
  | { kind: 'no-channel-left' };

export interface ContactRouteArgs {
  channel: Channel;
  /** Opt-outs this account already knows of. */
  optedOut: { sms: boolean; voice: boolean };
  /** The shared ledger's answer, read just before the contact. */
  permissions: ContactPermissions;
  /** Consent given with the import. */
  importedVoiceConsent: boolean;
  consent: Campaign['consent'];
}

export function contactRoute({ channel, optedOut, permissions, importedVoiceConsent, consent }: ContactRouteArgs): ContactRoute {
  const ledgerOptOut = channel === 'sms' ? permissions.smsOptedOut : permissions.voiceOptedOut;
  if (optedOut[channel] || ledgerOptOut) return { kind: 'opted-out', channel };
  if (channel === 'sms') return { kind: 'as-planned', channel };
  const consented = permissions.artificialVoiceConsent ?? importedVoiceConsent;
  if (!consent.requireConsentForArtificialVoice || consented) return { kind: 'as-planned', channel };
  if (consent.fallbackWhenNoConsent === 'human-call') return { kind: 'human-call' };
  if (optedOut.sms || permissions.smsOptedOut) return { kind: 'no-channel-left' };
  return { kind: 'text-instead' };
}
