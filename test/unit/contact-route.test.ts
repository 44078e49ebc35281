import { describe, expect, it } from 'vitest';
import { contactRoute, type ContactRouteArgs } from '../../src/policy/contact-route';

// How a due step reaches the person, given opt-outs (the account's and the shared ledger's) and
// consent to artificial-voice calls (FCC 24-17).

const base: ContactRouteArgs = {
  channel: 'voice',
  optedOut: { sms: false, voice: false },
  permissions: { smsOptedOut: false, voiceOptedOut: false },
  importedVoiceConsent: true,
  consent: { requireConsentForArtificialVoice: true, fallbackWhenNoConsent: 'sms' },
};

describe('contactRoute', () => {
  it.each<{ name: string; args: Partial<ContactRouteArgs>; expected: ReturnType<typeof contactRoute> }>([
    { name: 'a text step, nobody opted out', args: { channel: 'sms' }, expected: { kind: 'as-planned', channel: 'sms' } },
    { name: 'a text step, the ledger says STOP from another campaign', args: { channel: 'sms', permissions: { smsOptedOut: true, voiceOptedOut: false } }, expected: { kind: 'opted-out', channel: 'sms' } },
    { name: 'a call step, consent given with the import', args: {}, expected: { kind: 'as-planned', channel: 'voice' } },
    { name: 'a call step, the account opted out of calls', args: { optedOut: { sms: false, voice: true } }, expected: { kind: 'opted-out', channel: 'voice' } },
    { name: 'a call step, consent revoked in the ledger', args: { permissions: { smsOptedOut: false, voiceOptedOut: false, artificialVoiceConsent: false } }, expected: { kind: 'text-instead' } },
    { name: 'a call step, consent given in the ledger only', args: { importedVoiceConsent: false, permissions: { smsOptedOut: false, voiceOptedOut: false, artificialVoiceConsent: true } }, expected: { kind: 'as-planned', channel: 'voice' } },
    { name: 'a call step without consent, a person calls instead', args: { importedVoiceConsent: false, consent: { requireConsentForArtificialVoice: true, fallbackWhenNoConsent: 'human-call' } }, expected: { kind: 'human-call' } },
    { name: 'a call step without consent, texts opted out too', args: { importedVoiceConsent: false, optedOut: { sms: true, voice: false } }, expected: { kind: 'no-channel-left' } },
    { name: 'a call step without consent where the law asks none', args: { importedVoiceConsent: false, consent: { requireConsentForArtificialVoice: false, fallbackWhenNoConsent: 'sms' } }, expected: { kind: 'as-planned', channel: 'voice' } },
  ])('when $name, then the step goes $expected.kind', ({ args, expected }) => {
    expect(contactRoute({ ...base, ...args })).toEqual(expected);
  });
});
