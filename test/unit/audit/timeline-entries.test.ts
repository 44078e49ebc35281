import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { timelineEntries } from '../../../src/audit/timeline/timeline-entries';
import type { Timeline } from '../../../src/audit/timeline/timeline-entry';
import { timelineHtml } from '../../../src/audit/timeline/timeline-html';
import type { AuditRecord, HistoryText, TimelineRecords } from '../../../src/audit/timeline/timeline-records';
import { timelineText } from '../../../src/audit/timeline/timeline-text';

const zone = 'America/New_York';
const ny = (iso: string) => DateTime.fromISO(iso, { zone }).toMillis();
const workflowId = 'debtor/cadence-test/A-1';
const phone = '+12025550142';
const service = '+15005550006';
const everything = { after: Number.NEGATIVE_INFINITY, until: Number.POSITIVE_INFINITY };

let seq = 0;
function audit(type: string, at: number, data: Record<string, unknown>, campaignVersion = 1): AuditRecord {
  seq++;
  return { eventKey: `${workflowId}#${seq}`, type, occurredAt: new Date(at), at: new Date(at + 5_000), campaignVersion, data };
}

const k = (step: string) => `${workflowId}/c1/${step}/r0`;
const hours = { kind: 'outside-hours', until: ny('2026-12-08T08:00'), reason: `outside calling hours 08:00-21:00 ${zone}` };
const callCap = { kind: 'call-attempts-cap', until: ny('2026-12-08T00:00'), reason: '7 call attempts in 7 days: next on 2026-12-08' };
const callWhy = { rule: 'cadence-step', delay: 'PT1H', after: 'previous', stepId: 'call-8', dueAt: ny('2026-12-01T17:00'), askedAt: ny('2026-12-01T17:00'), allowedAt: ny('2026-12-08T08:00'), deferrals: [callCap, hours] };

function journey(): TimelineRecords {
  seq = 0;
  const texts: HistoryText[] = [
    { direction: 'out', at: ny('2026-12-01T09:00'), attemptKey: k('first-text'), stepId: 'first-text', purpose: 'cadence:first-text', campaignVersion: 1, to: phone, body: 'Hi <b>Jordan</b>, pay here: {{paymentLink}}' },
    { direction: 'in', at: ny('2026-12-08T08:30'), messageSid: 'SM-in-1', kind: 'free-text', body: 'my card is 4111 1111 1111 1111' },
  ];
  return {
    person: { kind: 'debtor', workflowId, campaignId: 'cadence-test', ref: 'A-1', phone, timeZone: zone, currency: 'USD' },
    serviceNumber: service,
    audit: [
      audit('started', ny('2026-12-01T08:59'), { strategy: 'standard' }),
      audit('contact-attempt', ny('2026-12-01T09:00'), {
        attemptKey: k('first-text'), stepId: 'first-text', channel: 'sms', purpose: 'cadence:first-text', outcome: 'delivered',
        why: { rule: 'cadence-step', delay: 'PT0S', after: 'start', stepId: 'first-text', dueAt: ny('2026-12-01T09:00'), askedAt: ny('2026-12-01T09:00'), allowedAt: ny('2026-12-01T09:00'), deferrals: [] },
      }),
      audit('contact-deferred', ny('2026-12-01T17:00'), { attemptKey: k('call-8'), stepId: 'call-8', channel: 'voice', dueAt: callWhy.dueAt, askedAt: callWhy.askedAt, allowedAt: callWhy.allowedAt, deferrals: callWhy.deferrals }),
      audit('contact-attempt', ny('2026-12-08T08:00'), { attemptKey: k('call-8'), stepId: 'call-8', channel: 'voice', purpose: 'call:call-8', outcome: 'answered', why: callWhy }, 2),
      audit('sms-free-text', ny('2026-12-08T08:31'), { messageSid: 'SM-in-1' }, 2),
      audit('payment-received', ny('2026-12-08T09:00'), { paymentId: 'pay-1', amountMinor: 5_000, balanceMinor: 7_500, actor: 'key:agent-ann' }, 2),
      audit('contact-held', ny('2026-12-08T10:00'), { attemptKey: k('last-text'), stepId: 'last-text', channel: 'sms', dueAt: ny('2026-12-08T10:00'), recheckAt: ny('2026-12-08T10:10'), pausedBy: 'key:ops' }, 2),
    ],
    answers: [],
    texts,
    attempts: [
      { attemptKey: k('first-text'), to: phone, state: 'sent', providerSid: 'SM-out-1', providerStatus: 'delivered' },
      { attemptKey: k('call-8'), to: phone, state: 'sent', providerSid: 'CA-1', providerStatus: 'completed' },
    ],
    calls: [{ attemptKey: k('call-8'), callWorkflowId: `${workflowId}/call/c1/call-8/r0`, callSid: 'CA-1', status: 'completed', answeredBy: 'human' }],
    turns: [
      { callWorkflowId: `${workflowId}/call/c1/call-8/r0`, seq: 1, state: 'verify', heard: '1984', digits: '1984', said: 'Thank you.', intent: 'provide-info', sentiment: 0, confidence: 0.9, nextState: 'disclose', engine: 'rules', violations: [] },
      { callWorkflowId: `${workflowId}/call/c1/call-8/r0`, seq: 0, state: 'greet', heard: 'yes this is Jordan', said: 'Hello, this is Northwind.', intent: 'confirm-identity', sentiment: 0.2, confidence: 0.95, nextState: 'verify', engine: 'rules', violations: [] },
    ],
    payments: [{ paymentId: 'pay-1', amountMinor: 5_000, currency: 'USD', provider: 'demo', recordedBy: 'key:agent-ann', receivedAt: new Date(ny('2026-12-08T09:00')) }],
    tasks: [],
    pauses: [],
  };
}

describe('timelineEntries: one ordered account merged from the audit log, the history and the stored records', () => {
  const entries = timelineEntries(journey(), everything);
  const byKind = (kind: string) => entries.filter((entry) => entry.kind === kind);

  it('when the records are merged, then every entry comes once, in the order it happened, in UTC and in the person’s zone', () => {
    expect(entries.map((e) => e.kind)).toEqual(['started', 'contact-attempt', 'contact-deferred', 'contact-attempt', 'sms-free-text', 'payment-received', 'contact-held']);
    expect(entries[3]).toMatchObject({ at: '2026-12-08T13:00:00.000Z', localTime: '2026-12-08T08:00:00.000-05:00' });
  });

  it('when a call deferred by the 7-in-7 rule is made, then its entry names the step, the due time, each rule and the numbers', () => {
    const call = byKind('contact-attempt')[1];
    expect(call).toMatchObject({ channel: 'voice', from: service, to: phone, outcome: 'answered', campaignVersion: 2 });
    expect(call.why).toBe(
      "cadence step 'call-8' (1 hour after the previous step) due 2026-12-01 17:00 local; deferred: Regulation F call count (7 call attempts in 7 days: next on 2026-12-08); " +
        `contact window (outside calling hours 08:00-21:00 ${zone}) until 08:00 local`,
    );
    expect(byKind('contact-deferred')[0].why).toContain('until 2026-12-08 08:00 local');
  });

  it("when a call has turns, then they come in order with what was heard, understood, decided and said, and keyed digits are not shown", () => {
    const call = byKind('contact-attempt')[1].call!;
    expect(call).toMatchObject({ callSid: 'CA-1', answeredBy: 'human' });
    expect(call.turns.map((t) => t.seq)).toEqual([0, 1]);
    expect(call.turns[0]).toMatchObject({ heard: 'yes this is Jordan', intent: 'confirm-identity', confidence: 0.95, sentiment: 0.2, decision: 'greet -> verify (rules)', said: 'Hello, this is Northwind.' });
    expect(call.turns[1]).toMatchObject({ keyed: true });
    expect(JSON.stringify(call.turns[1])).not.toContain('"digits"');
  });

  it("when texts went both ways, then each shows its words: the link's marker named, a card number read out redacted", () => {
    expect(byKind('contact-attempt')[0]).toMatchObject({ body: 'Hi <b>Jordan</b>, pay here: [payment link]', to: phone, from: service });
    const received = byKind('sms-free-text')[0];
    expect(received).toMatchObject({ from: phone, to: service, title: 'Text received (free-text)' });
    expect(received.body).not.toContain('4111');
  });

  it('when an agent recorded a payment and a paused campaign held a text, then the actor and who paused are given', () => {
    expect(byKind('payment-received')[0]).toMatchObject({ title: 'Payment received: $50.00', actor: 'key:agent-ann', why: 'reported by demo; balance $75.00' });
    expect(byKind('contact-held')[0]).toMatchObject({ actor: 'key:ops', why: expect.stringContaining('held: the campaign is paused (paused by key:ops)') });
  });

  it.each([
    { type: 'started', data: { strategy: 'standard', segmentId: 'new' }, expected: { title: 'Outreach started', why: 'strategy standard (segment new)' } },
    { type: 'promise-recorded', data: { amountMinor: 5_000, dueDate: '2026-12-10', source: 'call' }, expected: { title: 'Promise to pay $50.00 by 2026-12-10', why: 'agreed on a call' } },
    {
      type: 'plan-agreed',
      data: { instalments: [{ amountMinor: 6_250, dueDate: '2026-12-10' }, { amountMinor: 6_250, dueDate: '2027-01-10' }], actor: 'key:agent-ann' },
      expected: { title: 'Plan agreed: 2 instalments', why: '$62.50 by 2026-12-10, $62.50 by 2027-01-10; recorded by an operator or agent', actor: 'key:agent-ann' },
    },
    { type: 'closed', data: { outcome: 'paid', balanceMinor: 0 }, expected: { title: 'Closed: paid', outcome: 'paid' } },
    { type: 'disputed', data: { detail: 'says the debt is not theirs', actor: 'key:ops' }, expected: { title: 'Disputed', why: 'says the debt is not theirs', actor: 'key:ops' } },
    {
      type: 'experiment-assigned',
      data: { experimentId: 'greeting-wording', armId: 'warm', campaignVersion: 1 },
      expected: { title: 'Placed in arm warm of experiment greeting-wording', why: "drawn by the arms' weights when campaign version 1 was loaded; kept from then on" },
    },
    {
      type: 'experiment-arm-moved',
      data: { experimentId: 'greeting-wording', armId: 'warm', from: 'standard', reason: 'arm-stopped', campaignVersion: 2 },
      expected: { title: 'Moved from arm standard to arm warm of experiment greeting-wording', why: 'arm standard was stopped in campaign version 2' },
    },
  ])('when the audit log has a $type entry, then it is told as such', ({ type, data, expected }) => {
    const records = { ...journey(), audit: [audit(type, ny('2026-12-09T12:00'), data)] };
    expect(timelineEntries(records, everything)[0]).toMatchObject({ kind: type, ...expected, details: data });
  });

  it('when two entries share a moment, then the audit log’s sequence orders them (10 after 9)', () => {
    const records = journey();
    const at = ny('2026-12-09T12:00');
    records.audit = [
      { eventKey: `${workflowId}#10`, type: 'closed', occurredAt: at, at, campaignVersion: 2, data: { outcome: 'paid' } },
      { eventKey: `${workflowId}#9`, type: 'payment-received', occurredAt: at, at, campaignVersion: 2, data: { paymentId: 'pay-1', amountMinor: 7_500, balanceMinor: 0 } },
    ];
    expect(timelineEntries(records, everything).map((e) => e.kind)).toEqual(['payment-received', 'closed']);
  });

  it("when a survey's conversation texts are read, then only those within the page's window stand as entries of their own", () => {
    const records = { ...journey(), audit: [] };
    const conversation = (n: number, at: number): HistoryText => ({ direction: 'out', at, attemptKey: `respondent/s/r/reply/SM${n}/0`, stepId: 'conversation', purpose: 'survey-conversation', campaignVersion: 1, to: phone, body: `Question ${n}` });
    records.texts = [conversation(1, 1_000), conversation(2, 2_000), conversation(3, 3_000)];
    const shown = timelineEntries(records, { after: 1_000, until: 2_000 });
    expect(shown.map((e) => [e.kind, e.body, e.why])).toEqual([['text-sent', 'Question 2', "the survey's answer to the respondent's text"]]);
  });
});

describe('the timeline as text and as a printable page', () => {
  const records = journey();
  const timeline: Timeline = {
    person: records.person,
    campaignVersions: [{ version: 1, name: 'Cadence <test>', appliedAt: '2026-11-30T12:00:00.000Z', appliedBy: 'key:admin' }],
    entries: timelineEntries(records, everything),
    next: '2026-12-08T15:00:00.000Z',
    notes: [],
  };
  const more = (next: string) => `--after ${next}`;

  it('when rendered as text, then each entry gives its local and UTC time, its numbers, outcome and why, and the next page is named', () => {
    const text = timelineText(timeline, more);
    expect(text).toContain('Timeline of debtor A-1 in campaign cadence-test');
    expect(text).toContain("2026-12-08 08:00:00 EST | 2026-12-08 13:00:00Z | Call: cadence step 'call-8'");
    expect(text).toContain(`    voice from ${service} to ${phone}; outcome answered; campaign v2`);
    expect(text).toContain("    why: cadence step 'call-8' (1 hour after the previous step) due 2026-12-01 17:00 local; deferred: Regulation F call count");
    expect(text).toContain('    turn 0: heard "yes this is Jordan"; intent confirm-identity (confidence 0.95, sentiment 0.2); decision greet -> verify (rules); said "Hello, this is Northwind."');
    expect(text.trimEnd().endsWith('… more entries follow: --after 2026-12-08T15:00:00.000Z')).toBe(true);
  });

  it('when rendered as a page, then it is self-contained and printable, and every value is escaped', () => {
    const html = timelineHtml(timeline, more);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('@media print');
    expect(html).toContain('Hi &lt;b&gt;Jordan&lt;/b&gt;, pay here: [payment link]');
    expect(html).toContain('Cadence &lt;test&gt;');
    expect(html).not.toContain('<b>Jordan');
    expect(html).not.toMatch(/<script|<link|src=|href=|@import|url\(/i);
  });
});
