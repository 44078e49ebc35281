import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCampaignDocument } from '../../src/campaigns/campaign-document';
import { validateCampaign, type FieldError } from '../../src/campaigns/campaign-validation';

const demoDocument = () =>
  parseCampaignDocument(readFileSync(join(__dirname, '../../examples/campaigns/collections-demo.yaml'), 'utf8'), 'yaml') as Record<string, any>;

/** The smallest document a manager can write: everything else takes its default. */
const minimalDocument = () => ({
  id: 'spring-reminders',
  name: 'Spring reminders',
  currency: 'USD',
  defaultTimeZone: 'America/Chicago',
  helpText: { en: 'Acme Collections, 1-800-555-0100.' },
  cadence: { steps: [{ id: 'first-text', channel: 'sms', delay: { duration: 'P0D' }, template: 'reminder' }] },
  templates: { reminder: { channel: 'sms', text: { en: 'Hi {{name}}, {{amountDue}} is due {{dueDate}}: {{paymentLink}}' } } },
});

function errorsOf(document: unknown): FieldError[] {
  const result = validateCampaign(document);
  if (result.ok) throw new Error('expected the document to be refused');
  return result.errors;
}

describe('validateCampaign accepts good documents', () => {
  it('when the demo campaign is validated, then it is accepted as written', () => {
    const result = validateCampaign(demoDocument());
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.campaign.languages).toEqual(['en', 'zh-CN']);
    expect(result.campaign.cadence.steps.map((step) => `${step.delay.duration} ${step.channel}`)).toEqual(['P0D sms', 'P1D voice', 'P3D sms', 'P5D voice', 'P10D sms']);
    expect(result.campaign.contactWindow.blackoutDates).toContain('2026-12-25');
  });

  it('when a minimal document is validated, then Regulation F and TCPA defaults fill the rest', () => {
    const result = validateCampaign(minimalDocument());
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const campaign = result.campaign;
    expect(campaign).toMatchObject({
      kind: 'collections',
      jurisdiction: 'US',
      languages: ['en'],
      contactWindow: { start: '08:00', end: '21:00', blackoutDates: [] },
      frequencyCaps: { maxCallAttempts: 7, withinDays: 7, quietDaysAfterConversation: 7 },
      consent: { requireConsentForArtificialVoice: true, fallbackWhenNoConsent: 'sms' },
      escalation: { minConfidence: 0.8, minSentiment: -0.5, maxConsecutiveNotUnderstood: 2, alwaysHumanIntents: ['dispute', 'lawyer', 'bankruptcy', 'hardship', 'human'] },
      cadence: { onExhausted: 'close', steps: [{ delay: { after: 'previous' }, retry: { maxRetries: 2, initialInterval: 'PT2H', backoffCoefficient: 2, maximumInterval: 'PT8H' } }] },
      defaultStrategy: 'friendly-reminder',
      voice: { voicemailPolicy: 'hang-up', dtmfFallback: true },
    });
    expect(campaign.contactWindow.weekdays).toHaveLength(7);
    expect(campaign.optOutText.en).toBe('Reply STOP to opt out.');
    expect(campaign.disclosures.en.initial).toBe('This is an attempt to collect a debt and any information obtained will be used for that purpose.');
    expect(campaign.disclosures.en.subsequent).toBe('This communication is from a debt collector.');
  });

  it('when a validated campaign is validated again, then it is unchanged (it is plain JSON in the document notation)', () => {
    const first = validateCampaign(demoDocument());
    if (!first.ok) throw new Error('demo refused');
    const again = validateCampaign(JSON.parse(JSON.stringify(first.campaign)));
    expect(again).toEqual(first);
  });

  it('when caps looser than Regulation F name a non-US jurisdiction, then they are accepted', () => {
    const document = { ...minimalDocument(), jurisdiction: 'GB', frequencyCaps: { maxCallAttempts: 10 }, contactWindow: { start: '07:00', end: '22:00' } };
    expect(validateCampaign(document).ok).toBe(true);
  });

  it('when caps are stricter than Regulation F, then a US campaign accepts them', () => {
    const document = { ...minimalDocument(), frequencyCaps: { maxCallAttempts: 3, withinDays: 7, quietDaysAfterConversation: 10 }, contactWindow: { start: '09:00', end: '20:00' } };
    expect(validateCampaign(document).ok).toBe(true);
  });
});

describe('validateCampaign names each bad field with its path and a plain reason', () => {
  type Edit = (document: Record<string, any>) => void;
  it.each<{ problem: string; edit: Edit; path: string; message: string }>([
    { problem: 'a misspelt time zone', edit: (d) => (d.defaultTimeZone = 'America/Nwe_York'), path: 'defaultTimeZone', message: "unknown time zone 'America/Nwe_York'" },
    { problem: 'a missing id', edit: (d) => delete d.id, path: 'id', message: 'is required' },
    { problem: 'an id with spaces', edit: (d) => (d.id = 'Spring reminders'), path: 'id', message: 'lower-case letters, digits and single dashes' },
    { problem: 'a lower-case currency', edit: (d) => (d.currency = 'usd'), path: 'currency', message: "'usd' is not an ISO 4217 currency code" },
    { problem: 'a language tag not in canonical form', edit: (d) => (d.languages = ['en', 'zh-cn']), path: 'languages.1', message: "'zh-cn' is not a language tag in canonical form" },
    { problem: 'a language listed twice', edit: (d) => (d.languages = ['en', 'en']), path: 'languages', message: 'lists the same language twice' },
    { problem: 'a misspelt section', edit: (d) => (d.cadance = {}), path: 'cadance', message: 'is not a known field here' },
    { problem: 'a step delay in an unknown notation', edit: (d) => (d.cadence.steps[0].delay.duration = '2 days'), path: 'cadence.steps.0.delay.duration', message: "'2 days' is not a duration: write ISO 8601 like 'P2D'" },
    { problem: 'a step delay in months', edit: (d) => (d.cadence.steps[0].delay.duration = 'P1M'), path: 'cadence.steps.0.delay.duration', message: 'months and years are not allowed' },
    { problem: 'a step on an unknown channel', edit: (d) => (d.cadence.steps[0].channel = 'fax'), path: 'cadence.steps.0.channel', message: "must be 'sms' or 'voice'" },
    { problem: 'no steps at all', edit: (d) => (d.cadence.steps = []), path: 'cadence.steps', message: 'needs at least 1 entry' },
    { problem: 'a fractional retry count', edit: (d) => (d.cadence.steps[0].retry = { maxRetries: 1.5 }), path: 'cadence.steps.0.retry.maxRetries', message: 'must be a whole number, not 1.5' },
    { problem: 'a backoff coefficient below 1', edit: (d) => (d.cadence.steps[0].retry = { backoffCoefficient: 0.5 }), path: 'cadence.steps.0.retry.backoffCoefficient', message: 'must be at least 1' },
    { problem: 'a retry maximum below its first interval', edit: (d) => (d.cadence.steps[0].retry = { initialInterval: 'PT4H', maximumInterval: 'PT1H' }), path: 'cadence.steps.0.retry.maximumInterval', message: 'is shorter than initialInterval (PT4H)' },
    { problem: 'an unknown onExhausted action', edit: (d) => (d.cadence.onExhausted = 'retry'), path: 'cadence.onExhausted', message: "must be 'close', 'human-queue' or { restartAfter: <duration> }" },
    { problem: 'a step naming a missing template', edit: (d) => (d.cadence.steps[0].template = 'nope'), path: 'cadence.steps.0.template', message: "names 'nope', which is not in templates" },
    { problem: 'a voice step naming an SMS template', edit: (d) => (d.cadence.steps[0] = { id: 'call', channel: 'voice', delay: { duration: 'P0D' }, script: 'reminder' }), path: 'cadence.steps.0.script', message: 'a sms template; a voice step needs a voice template' },
    { problem: 'steps out of order', edit: (d) => d.cadence.steps.push({ id: 'late', channel: 'sms', delay: { after: 'start', duration: 'P5D' }, template: 'reminder' }, { id: 'early', channel: 'sms', delay: { after: 'start', duration: 'P3D' }, template: 'reminder' }), path: 'cadence.steps.2.delay', message: "puts step 'early' before the step above it" },
    { problem: 'two steps with one id', edit: (d) => d.cadence.steps.push({ ...d.cadence.steps[0] }), path: 'cadence.steps.1.id', message: "'first-text' is already the id of an earlier step" },
    { problem: 'a used channel allowed no attempts', edit: (d) => (d.cadence.limits = { maxAttemptsPerChannel: { sms: 0 } }), path: 'cadence.limits.maxAttemptsPerChannel.sms', message: "is 0, but step 'first-text' is a sms step" },
    { problem: 'a template with a placeholder the campaign cannot fill', edit: (d) => (d.templates.reminder.text.en = 'You owe {{balance}}'), path: 'templates.reminder.text.en', message: 'uses {{balance}}, which the campaign cannot fill' },
    { problem: 'a template with a broken placeholder', edit: (d) => (d.templates.reminder.text.en = 'Hi {{name}, pay now'), path: 'templates.reminder.text.en', message: 'has unmatched braces' },
    { problem: 'a template missing a campaign language', edit: (d) => { d.languages = ['en', 'zh-CN']; d.helpText['zh-CN'] = '帮助'; }, path: 'templates.reminder.text.zh-CN', message: 'is missing: every template needs a text in each campaign language (en, zh-CN)' },
    { problem: 'a template in a language the campaign does not have', edit: (d) => (d.templates.reminder.text.fr = 'Bonjour {{name}}'), path: 'templates.reminder.text.fr', message: "'fr' is not one of the campaign's languages (en)" },
    { problem: 'a template id with capitals', edit: (d) => (d.templates['First Notice'] = d.templates.reminder), path: 'templates.First Notice', message: "'First Notice' is not a valid id" },
    { problem: 'help text missing for a language', edit: (d) => { d.languages = ['en', 'fr']; d.templates.reminder.text.fr = 'Bonjour {{name}}'; }, path: 'helpText.fr', message: 'is missing: every campaign language needs its helpText' },
    { problem: 'no disclosure wording for a language Parley has none for', edit: (d) => { d.languages = ['en', 'fr']; d.templates.reminder.text.fr = 'Bonjour'; d.helpText.fr = 'Aide'; }, path: 'disclosures.fr', message: 'is missing' },
    { problem: 'a window that ends before it starts', edit: (d) => (d.contactWindow = { start: '20:00', end: '09:00' }), path: 'contactWindow.end', message: 'must be later than start (20:00)' },
    { problem: 'a time of day in 12-hour form', edit: (d) => (d.contactWindow = { start: '8am' }), path: 'contactWindow.start', message: "'8am' is not a time of day: write 24-hour HH:mm" },
    { problem: 'a blackout date that does not exist', edit: (d) => (d.contactWindow = { blackoutDates: ['2026-12-25', '2026-02-30'] }), path: 'contactWindow.blackoutDates.1', message: "'2026-02-30' is not a calendar date" },
    { problem: 'an unknown weekday', edit: (d) => (d.contactWindow = { weekdays: ['mon', 'funday'] }), path: 'contactWindow.weekdays.1', message: "must be one of 'mon', 'tue', 'wed'" },
    { problem: 'calling before 08:00 under US law', edit: (d) => (d.contactWindow = { start: '07:30' }), path: 'contactWindow.start', message: 'allows contacts before 08:00 local time (12 CFR 1006.6(b)(1)(i)), looser than US law' },
    { problem: 'calling until 22:00 under US law', edit: (d) => (d.contactWindow = { end: '22:00' }), path: 'contactWindow.end', message: 'allows contacts after 21:00 local time' },
    { problem: '10 calls a week under US law', edit: (d) => (d.frequencyCaps = { maxCallAttempts: 10 }), path: 'frequencyCaps.maxCallAttempts', message: 'allows more than 7 call attempts in 7 days (12 CFR 1006.14(b)(2)(i)(A)), looser than US law; if US law does not apply, set jurisdiction' },
    { problem: 'a 5-day counting period under US law', edit: (d) => (d.frequencyCaps = { withinDays: 5 }), path: 'frequencyCaps.withinDays', message: 'looser than US law' },
    { problem: 'calling 3 days after a conversation under a US state jurisdiction', edit: (d) => { d.jurisdiction = 'US-CA'; d.frequencyCaps = { quietDaysAfterConversation: 3 }; }, path: 'frequencyCaps.quietDaysAfterConversation', message: 'allows calls sooner than 7 days after a conversation' },
    { problem: 'AI voice calls without consent under US law', edit: (d) => (d.consent = { requireConsentForArtificialVoice: false }), path: 'consent.requireConsentForArtificialVoice', message: 'calls with an AI voice without prior express consent (TCPA, FCC 24-17)' },
    { problem: 'a jurisdiction in words', edit: (d) => (d.jurisdiction = 'United Kingdom'), path: 'jurisdiction', message: "write a country code like 'US'" },
    { problem: 'a confidence threshold above 1', edit: (d) => (d.escalation = { minConfidence: 80 }), path: 'escalation.minConfidence', message: 'must be at most 1' },
    { problem: 'a segment condition with a wrong operator', edit: (d) => (d.segments = [{ id: 'late', when: ['daysPastDue => 30'], strategy: 'friendly-reminder' }]), path: 'segments.0.when.0', message: "'daysPastDue => 30' is not a condition" },
    { problem: 'a segment condition on an unknown field', edit: (d) => (d.segments = [{ id: 'late', when: ['creditScore < 500'], strategy: 'friendly-reminder' }]), path: 'segments.0.when.0', message: 'with a field among daysPastDue, onTimePayments, brokenPromises, amountDue' },
    { problem: 'an unknown strategy', edit: (d) => (d.segments = [{ id: 'late', when: ['daysPastDue >= 30'], strategy: 'threaten' }]), path: 'segments.0.strategy', message: "must be one of 'friendly-reminder', 'consequences-and-plan', 'human-first'" },
    { problem: 'consequences-and-plan without a plan to offer', edit: (d) => (d.segments = [{ id: 'late', when: ['daysPastDue >= 30'], strategy: 'consequences-and-plan' }]), path: 'offers.instalmentPlan', message: "is required: segment 'late' use the consequences-and-plan strategy" },
    { problem: 'an instalment minimum as a decimal', edit: (d) => (d.offers = { instalmentPlan: { maxInstalments: 6, minInstalmentAmount: 25.5, maxDaysBetween: 31 } }), path: 'offers.instalmentPlan.minInstalmentAmount', message: 'must be a whole number' },
    { problem: 'a human hand-off with nobody to hand to', edit: (d) => (d.consent = { fallbackWhenNoConsent: 'human-call' }), path: 'voice', message: 'needs agentNumber or agentQueue: consent.fallbackWhenNoConsent is human-call' },
    { problem: 'an agent number without country code', edit: (d) => (d.voice = { agentNumber: '2125550143' }), path: 'voice.agentNumber', message: 'is not a phone number in E.164 form' },
    { problem: 'more verification tries than 3', edit: (d) => (d.verification = { maxTries: 4 }), path: 'verification.maxTries', message: 'must be at most 3' },
    { problem: 'an unknown second verification factor', edit: (d) => (d.verification = { secondFactor: 'ssn' }), path: 'verification.secondFactor', message: "must be 'zip' or 'account-last-4'" },
    { problem: 'a voicemail policy that leaves the full message', edit: (d) => (d.voice = { voicemailPolicy: 'full-message' }), path: 'voice.voicemailPolicy', message: "must be 'limited-content-message' or 'hang-up'" },
  ])('when a document has $problem, then $path is named', ({ edit, path, message }) => {
    const document = minimalDocument() as Record<string, any>;
    edit(document);
    const errors = errorsOf(document);
    expect(errors).toContainEqual({ path, message: expect.stringContaining(message) });
  });

  it('when a document has several problems in different sections, then every one is reported at once', () => {
    const document = minimalDocument() as Record<string, any>;
    document.defaultTimeZone = 'Europe/Atlantis';
    document.currency = 'DOLLARS';
    document.cadence.steps[0].delay.duration = 'soon';
    document.contactWindow = { start: '06:00' };
    document.templates.reminder.text.en = 'Pay {{amount}}';
    delete document.name;

    expect(errorsOf(document).map((error) => error.path).sort()).toEqual(
      [
        'name',
        'currency',
        'defaultTimeZone',
        'cadence.steps.0.delay.duration',
        'contactWindow.start',
        'templates.reminder.text.en',
      ].sort(),
    );
  });

  it('when one section is broken, then the relations between the valid sections are still checked', () => {
    const document = minimalDocument() as Record<string, any>;
    document.defaultTimeZone = 'Nowhere/Special';
    document.cadence.steps[0].template = 'missing-template';
    expect(errorsOf(document).map((error) => error.path)).toEqual(['defaultTimeZone', 'cadence.steps.0.template']);
  });

  it.each([
    { input: 'id: x', what: 'text' },
    { input: null, what: 'nothing' },
    { input: [], what: 'a list' },
  ])('when the document is $what instead of a section of fields, then the document itself is named', ({ input }) => {
    expect(errorsOf(input)[0].path).toBe('(document)');
  });
});
