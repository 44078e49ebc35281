import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { clockIn } from '../../../src/audit/timeline/timeline-clock';
import { attemptWhy, deferredWhy, heldWhy, pauseSpans, purposeWords, skippedWhy } from '../../../src/audit/timeline/timeline-why';
import type { ContactWhy } from '../../../workflows/outreach/contact-reasons';

const zone = 'America/New_York';
const clock = clockIn(zone);
/** Epoch ms of a wall-clock time in New York. */
const ny = (iso: string) => DateTime.fromISO(iso, { zone }).toMillis();

const callCap = { kind: 'call-attempts-cap' as const, until: ny('2026-12-08T00:00'), reason: '7 call attempts in 7 days: next on 2026-12-08' };
const hours = { kind: 'outside-hours' as const, until: ny('2026-12-08T08:00'), reason: `outside calling hours 08:00-21:00 ${zone}` };

function why(overrides: Partial<ContactWhy>): ContactWhy {
  return { rule: 'cadence-step', delay: 'PT1H', after: 'previous', stepId: 'call-8', dueAt: ny('2026-12-01T17:00'), askedAt: ny('2026-12-01T17:00'), allowedAt: ny('2026-12-01T17:00'), deferrals: [], ...overrides } as ContactWhy;
}

describe('attemptWhy: the rule that let a contact happen when it did', () => {
  it.each([
    {
      when: 'a cadence step is made when due',
      why: why({ stepId: 'call-2', dueAt: ny('2026-12-01T18:00'), askedAt: ny('2026-12-01T18:00'), allowedAt: ny('2026-12-01T18:00') }),
      madeAt: ny('2026-12-01T18:00'),
      expected: "cadence step 'call-2' (1 hour after the previous step) due 18:00 local",
    },
    {
      when: 'the 7-in-7 count and then the calling hours defer a call by a week',
      why: why({ allowedAt: ny('2026-12-08T08:00'), deferrals: [callCap, hours] }),
      madeAt: ny('2026-12-08T08:00'),
      expected:
        "cadence step 'call-8' (1 hour after the previous step) due 2026-12-01 17:00 local; deferred: Regulation F call count (7 call attempts in 7 days: next on 2026-12-08); " +
        `contact window (outside calling hours 08:00-21:00 ${zone}) until 08:00 local`,
    },
    {
      when: 'a retry waits its backoff',
      why: why({ rule: 'retry', retry: 1, backoffMs: 2 * 3_600_000, stepId: 'call-1', dueAt: ny('2026-12-01T20:05'), askedAt: ny('2026-12-01T20:05'), allowedAt: ny('2026-12-01T20:05') } as Partial<ContactWhy>),
      madeAt: ny('2026-12-01T20:05'),
      expected: "retry 1 of cadence step 'call-1' (backoff 2 hours after the failed attempt) due 20:05 local",
    },
    {
      when: 'a reminder follows a broken promise and waits for the morning',
      why: { rule: 'follow-up', purpose: 'promise-broken', stepId: 'promise-broken', dueAt: ny('2026-12-03T23:59'), askedAt: ny('2026-12-03T23:59'), allowedAt: ny('2026-12-04T08:00'), deferrals: [{ ...hours, until: ny('2026-12-04T08:00') }] } as ContactWhy,
      madeAt: ny('2026-12-04T08:00'),
      expected: `follow-up: reminder after a broken promise due 2026-12-03 23:59 local; deferred: contact window (outside calling hours 08:00-21:00 ${zone}) until 08:00 local`,
    },
    {
      when: "a paused campaign held a text until its flag was lifted",
      why: why({ stepId: 'last-text', delay: 'PT0S', dueAt: ny('2026-12-08T09:00'), askedAt: ny('2026-12-08T13:00'), allowedAt: ny('2026-12-08T13:00'), held: { since: ny('2026-12-08T09:00'), pausedBy: 'key:ops' } }),
      madeAt: ny('2026-12-08T13:00'),
      expected: "cadence step 'last-text' (right after the previous step) due 09:00 local; held while the campaign was paused by key:ops from 09:00 local until 13:00 local",
    },
  ])('when $when, then it says so', ({ why: reasons, madeAt, expected }) => {
    expect(attemptWhy(reasons, madeAt, clock, [])).toBe(expected);
  });

  it("when the step fell due while an operator's pause held the account, then the pause and who made it are named", () => {
    const pauses = pauseSpans([
      { type: 'paused', at: ny('2026-12-02T10:00'), data: { by: 'operator', actor: 'key:ann', reason: 'letter received' } },
      { type: 'resumed', at: ny('2026-12-02T15:30'), data: { by: 'operator', actor: 'key:ann' } },
    ]);
    const reasons = why({ dueAt: ny('2026-12-02T11:00'), askedAt: ny('2026-12-02T15:30'), allowedAt: ny('2026-12-02T15:30') });
    expect(attemptWhy(reasons, ny('2026-12-02T15:30'), clock, pauses)).toBe(
      "cadence step 'call-8' (1 hour after the previous step) due 11:00 local; waited: paused by the operator (key:ann) from 10:00 local until 15:30 local",
    );
  });

  it('when the contact went out later than allowed for no recorded reason, then the moment it was made is said', () => {
    const reasons = why({ dueAt: ny('2026-12-01T17:00'), askedAt: ny('2026-12-01T17:00'), allowedAt: ny('2026-12-01T17:00') });
    expect(attemptWhy(reasons, ny('2026-12-01T17:20'), clock, [])).toMatch(/; made at 17:20 local$/);
  });
});

describe('deferrals, holds and skips in words', () => {
  it('when a call is deferred, then its due moment, each rule and the allowed moment are given', () => {
    const at = ny('2026-12-01T17:00');
    const data = { dueAt: at, askedAt: at, allowedAt: ny('2026-12-08T08:00'), deferrals: [callCap, hours] };
    expect(deferredWhy(data, at, clock)).toBe(
      `due 17:00 local; deferred: Regulation F call count (7 call attempts in 7 days: next on 2026-12-08); contact window (outside calling hours 08:00-21:00 ${zone}) until 2026-12-08 08:00 local`,
    );
  });

  it('when a campaign pause holds a text, then who paused it and the next look are given', () => {
    const at = ny('2026-12-08T09:00');
    expect(heldWhy({ dueAt: at, recheckAt: ny('2026-12-08T09:10'), pausedBy: 'key:ops' }, at, clock)).toBe(
      'due 09:00 local; held: the campaign is paused (paused by key:ops) and its pause had not reached this account yet; looked at again at 09:10 local',
    );
  });

  it.each([
    { outcome: 'skipped-opted-out', channel: 'sms', expected: /opted out of texts/ },
    { outcome: 'skipped-opted-out', channel: 'voice', expected: /opted out of calls/ },
    { outcome: 'handed-to-agent', channel: 'voice', expected: /artificial-voice/ },
    { outcome: 'delivered', channel: 'sms', expected: undefined },
  ])('when an attempt ends $outcome on $channel, then the skip is explained accordingly', ({ outcome, channel, expected }) => {
    const words = skippedWhy(outcome, channel);
    if (expected === undefined) expect(words).toBeUndefined();
    else expect(words).toMatch(expected);
  });

  it.each([
    { purpose: 'cadence:first-text', expected: "cadence step 'first-text'" },
    { purpose: 'call:call-1', expected: "cadence step 'call-1'" },
    { purpose: 'payment-link-requested', expected: 'the person asked for the payment link (a PAY text, or on a call)' },
    { purpose: 'instalment-missed', expected: 'reminder after a missed instalment' },
  ])('when an attempt without recorded reasons has purpose $purpose, then its purpose is told', ({ purpose, expected }) => {
    expect(purposeWords(purpose)).toBe(expected);
  });

  it("when a campaign pause and an operator's overlap, then each resume closes its own", () => {
    const spans = pauseSpans([
      { type: 'paused', at: 1, data: { by: 'campaign', actor: 'key:ops' } },
      { type: 'paused', at: 2, data: { by: 'operator' } },
      { type: 'resumed', at: 3, data: { by: 'campaign' } },
    ]);
    expect(spans).toEqual([
      { from: 1, until: 3, by: 'campaign', actor: 'key:ops' },
      { from: 2, by: 'operator' },
    ]);
  });
});
