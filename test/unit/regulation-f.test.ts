import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { callCapState, earliestCallAllowedByCaps, regulationFCallCaps } from '../../src/policy/regulation-f';

const zone = 'America/New_York';
/** Epoch ms of a local wall-clock time in `timeZone`. */
const local = (isoLocal: string, timeZone = zone) => DateTime.fromISO(isoLocal, { zone: timeZone }).toMillis();
const rules = regulationFCallCaps;

describe('earliestCallAllowedByCaps: at most 7 call attempts within 7 consecutive days (12 CFR 1006.14(b)(2)(i)(A))', () => {
  it.each([
    {
      when: 'no call was placed',
      calls: [],
      now: '2026-03-04T09:00',
      allowedAt: '2026-03-04T09:00',
    },
    {
      when: '6 calls were placed in the last 7 days',
      calls: ['2026-03-02T10:00', '2026-03-03T10:00', '2026-03-04T10:00', '2026-03-05T10:00', '2026-03-06T10:00', '2026-03-07T10:00'],
      now: '2026-03-08T10:00',
      allowedAt: '2026-03-08T10:00',
    },
    {
      when: '7 calls on 7 consecutive days: the 8th waits until the day the first call leaves the period',
      calls: ['2026-03-02T10:00', '2026-03-03T10:00', '2026-03-04T10:00', '2026-03-05T10:00', '2026-03-06T10:00', '2026-03-07T10:00', '2026-03-08T10:00'],
      now: '2026-03-08T15:00',
      allowedAt: '2026-03-09T00:00',
    },
    {
      when: '7 calls all on Monday: the 8th waits until the next Monday',
      calls: ['2026-03-02T09:00', '2026-03-02T10:00', '2026-03-02T11:00', '2026-03-02T12:00', '2026-03-02T13:00', '2026-03-02T14:00', '2026-03-02T15:00'],
      now: '2026-03-02T16:00',
      allowedAt: '2026-03-09T00:00',
    },
    {
      when: '9 calls over 9 days: the period ending today still holds 7, so the call waits for the 7th newest to leave it',
      calls: ['2026-02-28T10:00', '2026-03-01T10:00', '2026-03-02T10:00', '2026-03-03T10:00', '2026-03-04T10:00', '2026-03-05T10:00', '2026-03-06T10:00', '2026-03-07T10:00', '2026-03-08T10:00'],
      now: '2026-03-08T15:00',
      allowedAt: '2026-03-09T00:00',
    },
    {
      when: '7 calls ended 7 days ago: they no longer count',
      calls: ['2026-02-23T09:00', '2026-02-23T10:00', '2026-02-23T11:00', '2026-02-23T12:00', '2026-02-23T13:00', '2026-02-23T14:00', '2026-02-23T15:00'],
      now: '2026-03-02T08:00',
      allowedAt: '2026-03-02T08:00',
    },
  ])('when $when', ({ calls, now, allowedAt }) => {
    const result = earliestCallAllowedByCaps({ now: local(now), timeZone: zone, rules, history: { callAttempts: calls.map((call) => local(call)), conversations: [] } });
    expect(result.at).toBe(local(allowedAt));
  });

  it('when the cap is reached, then the reason names the cap and the day calls resume', () => {
    const calls = Array.from({ length: 7 }, (_, hour) => local(`2026-03-02T${String(9 + hour).padStart(2, '0')}:00`));
    const result = earliestCallAllowedByCaps({ now: local('2026-03-02T17:00'), timeZone: zone, rules, history: { callAttempts: calls, conversations: [] } });
    expect(result.reason).toBe('7 call attempts in 7 days: next on 2026-03-09');
  });

  it('when the campaign is stricter (3 calls in 7 days), then the 4th call waits', () => {
    const calls = ['2026-03-02T10:00', '2026-03-03T10:00', '2026-03-04T10:00'].map((call) => local(call));
    const result = earliestCallAllowedByCaps({
      now: local('2026-03-04T12:00'),
      timeZone: zone,
      rules: { ...rules, maxCallAttempts: 3 },
      history: { callAttempts: calls, conversations: [] },
    });
    expect(result).toEqual({ at: local('2026-03-09T00:00'), kind: 'call-attempts-cap', reason: '3 call attempts in 7 days: next on 2026-03-09' });
  });
});

describe('earliestCallAllowedByCaps: no call within 7 days after a telephone conversation, its day counting as the first (12 CFR 1006.14(b)(2)(i)(B))', () => {
  it.each([
    { when: 'the conversation was this morning', conversation: '2026-03-02T09:00', now: '2026-03-02T15:00', allowedAt: '2026-03-09T00:00' },
    { when: 'the conversation was late on Monday and it is Sunday evening', conversation: '2026-03-02T23:30', now: '2026-03-08T20:00', allowedAt: '2026-03-09T00:00' },
    { when: 'the 7 days including the conversation day are over', conversation: '2026-03-02T09:00', now: '2026-03-09T08:00', allowedAt: '2026-03-09T08:00' },
  ])('when $when', ({ conversation, now, allowedAt }) => {
    const history = { callAttempts: [local(conversation)], conversations: [local(conversation)] };
    expect(earliestCallAllowedByCaps({ now: local(now), timeZone: zone, rules, history }).at).toBe(local(allowedAt));
  });

  it('when the conversation day differs between zones, then the debtor zone decides', () => {
    const conversation = DateTime.fromISO('2026-03-03T03:30Z').toMillis(); // Monday 22:30 in New York, Tuesday 11:30 in Shanghai
    const history = { callAttempts: [conversation], conversations: [conversation] };
    const now = DateTime.fromISO('2026-03-09T05:00Z').toMillis();
    expect(earliestCallAllowedByCaps({ now, timeZone: 'America/New_York', rules, history }).at).toBe(now);
    expect(earliestCallAllowedByCaps({ now, timeZone: 'Asia/Shanghai', rules, history }).at).toBe(local('2026-03-10T00:00', 'Asia/Shanghai'));
  });

  it('when both rules apply, then the later one decides and is the reason given', () => {
    const calls = Array.from({ length: 7 }, (_, day) => local(`2026-03-0${2 + day}T10:00`));
    const history = { callAttempts: calls, conversations: [local('2026-03-08T10:00')] };
    const result = earliestCallAllowedByCaps({ now: local('2026-03-08T12:00'), timeZone: zone, rules, history });
    expect(result).toEqual({
      at: local('2026-03-15T00:00'),
      kind: 'conversation-quiet-days',
      reason: 'telephone conversation on 2026-03-08: no calls for 7 days (next on 2026-03-15)',
    });
  });
});

describe('callCapState', () => {
  it('when calls and a conversation happened, then it reports the counts and dates a person would check', () => {
    const history = {
      callAttempts: ['2026-02-20T10:00', '2026-03-01T10:00', '2026-03-03T10:00', '2026-03-03T11:00'].map((call) => local(call)),
      conversations: [local('2026-03-03T11:00')],
    };
    expect(callCapState({ now: local('2026-03-04T09:00'), timeZone: zone, rules, history })).toEqual({
      attemptsInPeriod: 3,
      attemptsCapLiftsAt: null,
      lastConversationDate: '2026-03-03',
      conversationQuietEndsAt: local('2026-03-10T00:00'),
    });
  });

  it('when events lie after now (a replayed history), then they are ignored', () => {
    const history = { callAttempts: [local('2026-03-05T10:00')], conversations: [local('2026-03-05T10:00')] };
    expect(callCapState({ now: local('2026-03-04T09:00'), timeZone: zone, rules, history })).toEqual({
      attemptsInPeriod: 0,
      attemptsCapLiftsAt: null,
      lastConversationDate: null,
      conversationQuietEndsAt: null,
    });
  });
});
