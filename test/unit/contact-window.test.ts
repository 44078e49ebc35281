import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { ContactWindow } from '../../src/campaigns/campaign-schema';
import { nextAllowedMoment, type NextAllowedMomentArgs } from '../../src/policy/contact-window';
import { regulationFCallCaps, type CallHistory } from '../../src/policy/regulation-f';

/** Epoch ms of a local wall-clock time ('2026-03-02T07:59') in `zone`. */
const local = (isoLocal: string, zone: string) => DateTime.fromISO(isoLocal, { zone }).toMillis();
const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).toMillis();

const everyDay: ContactWindow = {
  start: '08:00',
  end: '21:00',
  weekdays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
  blackoutDates: [],
};
const noCalls: CallHistory = { callAttempts: [], conversations: [] };

function args(overrides: Partial<NextAllowedMomentArgs> & Pick<NextAllowedMomentArgs, 'now' | 'timeZone'>): NextAllowedMomentArgs {
  return { channel: 'sms', contactWindow: everyDay, frequencyCaps: regulationFCallCaps, history: noCalls, ...overrides };
}

describe('nextAllowedMoment: calling hours 08:00-21:00 in the debtor zone', () => {
  const hoursReason = (zone: string) => `outside calling hours 08:00-21:00 ${zone}`;
  it.each([
    { when: '07:59 is deferred to 08:00 the same day', zone: 'America/New_York', now: '2026-03-02T07:59', expected: '2026-03-02T13:00Z', reason: hoursReason('America/New_York') },
    { when: '08:00 is allowed', zone: 'America/New_York', now: '2026-03-02T08:00', expected: '2026-03-02T13:00Z', reason: 'allowed now' },
    { when: '20:59 is allowed', zone: 'America/New_York', now: '2026-03-02T20:59', expected: '2026-03-03T01:59Z', reason: 'allowed now' },
    { when: '21:00 is deferred to 08:00 the next day (the end is exclusive)', zone: 'America/New_York', now: '2026-03-02T21:00', expected: '2026-03-03T13:00Z', reason: hoursReason('America/New_York') },
    { when: 'spring-forward day: 07:59 EDT is deferred to 08:00 EDT', zone: 'America/New_York', now: '2026-03-08T07:59', expected: '2026-03-08T12:00Z', reason: hoursReason('America/New_York') },
    { when: 'spring-forward day: 01:30 EST, before the clocks jump, is deferred to 08:00 EDT', zone: 'America/New_York', now: '2026-03-08T01:30', expected: '2026-03-08T12:00Z', reason: hoursReason('America/New_York') },
    { when: 'the evening before spring-forward is deferred to 08:00 EDT, 9.5 real hours later', zone: 'America/New_York', now: '2026-03-07T21:30', expected: '2026-03-08T12:00Z', reason: hoursReason('America/New_York') },
    { when: 'spring-forward day: 20:59 EDT is allowed', zone: 'America/New_York', now: '2026-03-08T20:59', expected: '2026-03-09T00:59Z', reason: 'allowed now' },
    { when: 'fall-back day: 07:30 EST is deferred to 08:00 EST', zone: 'America/New_York', now: '2026-11-01T07:30', expected: '2026-11-01T13:00Z', reason: hoursReason('America/New_York') },
    { when: 'fall-back day: 21:00 EST is deferred to 08:00 EST the next day', zone: 'America/New_York', now: '2026-11-01T21:00', expected: '2026-11-02T13:00Z', reason: hoursReason('America/New_York') },
    { when: 'west of UTC: 23:00 in Los Angeles is deferred to 08:00 PST', zone: 'America/Los_Angeles', now: '2026-01-14T23:00', expected: '2026-01-15T16:00Z', reason: hoursReason('America/Los_Angeles') },
    { when: 'east of UTC: 07:00 in Shanghai is deferred to 08:00, midnight UTC', zone: 'Asia/Shanghai', now: '2026-06-01T07:00', expected: '2026-06-01T00:00Z', reason: hoursReason('Asia/Shanghai') },
    { when: 'east of UTC: 21:00 in Shanghai is deferred to 08:00 the next day', zone: 'Asia/Shanghai', now: '2026-06-01T21:00', expected: '2026-06-02T00:00Z', reason: hoursReason('Asia/Shanghai') },
    { when: 'half-hour zone: 07:59 in Kolkata is deferred to 08:00 IST, 02:30 UTC', zone: 'Asia/Kolkata', now: '2026-06-01T07:59', expected: '2026-06-01T02:30Z', reason: hoursReason('Asia/Kolkata') },
    { when: 'half-hour zone: 21:15 in Kolkata is deferred to 08:00 IST the next day', zone: 'Asia/Kolkata', now: '2026-06-01T21:15', expected: '2026-06-02T02:30Z', reason: hoursReason('Asia/Kolkata') },
  ])('when $when', ({ zone, now, expected, reason }) => {
    const result = nextAllowedMoment(args({ now: local(now, zone), timeZone: zone }));
    expect(result).toMatchObject({ at: utc(expected), reason });
    expect(result.deferrals.map((d) => d.kind)).toEqual(reason === 'allowed now' ? [] : ['outside-hours']);
  });

  it('when the debtor is at 07:59:30, then the contact waits until 08:00:00 exactly', () => {
    const now = local('2026-03-02T07:59:30', 'America/New_York');
    expect(nextAllowedMoment(args({ now, timeZone: 'America/New_York' })).at).toBe(utc('2026-03-02T13:00Z'));
  });

  it('when a window starts inside the repeated hour of a fall-back day and the clock is in its second pass, then the start is reached by the wall clock', () => {
    // 01:15 EST is the second 01:15 of 2026-11-01; the first 01:30 (EDT) has already passed.
    const now = utc('2026-11-01T06:15Z');
    const window = { ...everyDay, start: '01:30' };
    expect(nextAllowedMoment(args({ now, timeZone: 'America/New_York', contactWindow: window })).at).toBe(utc('2026-11-01T06:30Z'));
  });
});

describe('nextAllowedMoment: weekdays and blackout dates', () => {
  const weekdaysOnly: ContactWindow = { ...everyDay, weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'] };

  it('when the debtor may only be contacted on weekdays and it is Saturday, then the contact waits until Monday 08:00', () => {
    const result = nextAllowedMoment(args({ now: local('2026-06-06T10:00', 'America/New_York'), timeZone: 'America/New_York', contactWindow: weekdaysOnly }));
    expect(result.at).toBe(local('2026-06-08T08:00', 'America/New_York'));
    expect(result.reason).toContain('Saturday is not a contact day');
    expect(result.reason).toContain('Sunday is not a contact day');
    expect(result.deferrals.map((d) => d.kind)).toEqual(['not-a-contact-day', 'not-a-contact-day', 'outside-hours']);
  });

  it('when it is a blackout date in the debtor zone, then the contact waits until the next day 08:00', () => {
    const window = { ...everyDay, blackoutDates: ['2026-12-25'] };
    const result = nextAllowedMoment(args({ now: local('2026-12-25T10:00', 'America/New_York'), timeZone: 'America/New_York', contactWindow: window }));
    expect(result.at).toBe(local('2026-12-26T08:00', 'America/New_York'));
    expect(result.reason).toMatch(/^blackout date 2026-12-25/);
    expect(result.deferrals.map((d) => d.kind)).toEqual(['blackout-date', 'outside-hours']);
  });

  it('when the blackout date has already begun in Shanghai but not in New York, then only the Shanghai debtor waits', () => {
    const window = { ...everyDay, blackoutDates: ['2026-12-25'] };
    const now = utc('2026-12-25T02:00Z'); // 10:00 on the 25th in Shanghai, 21:00 on the 24th in New York
    expect(nextAllowedMoment(args({ now, timeZone: 'Asia/Shanghai', contactWindow: window })).at).toBe(local('2026-12-26T08:00', 'Asia/Shanghai'));
    expect(nextAllowedMoment(args({ now: utc('2026-12-25T00:00Z'), timeZone: 'America/New_York', contactWindow: window })).reason).toBe('allowed now');
  });

  it('when a blackout date falls on Friday before a weekdays-only weekend, then the contact waits until Monday', () => {
    const window = { ...weekdaysOnly, blackoutDates: ['2026-12-25'] };
    const result = nextAllowedMoment(args({ now: local('2026-12-24T21:30', 'America/New_York'), timeZone: 'America/New_York', contactWindow: window }));
    expect(result.at).toBe(local('2026-12-28T08:00', 'America/New_York'));
  });

  it('when no day is ever allowed, then it refuses instead of looping forever', () => {
    const window = { ...everyDay, weekdays: [] };
    expect(() => nextAllowedMoment(args({ now: utc('2026-01-01T12:00Z'), timeZone: 'UTC', contactWindow: window }))).toThrow(/no allowed contact moment/);
  });

  it('when the time zone is unknown, then it refuses', () => {
    expect(() => nextAllowedMoment(args({ now: utc('2026-01-01T12:00Z'), timeZone: 'Mars/Olympus_Mons' }))).toThrow(/unknown time zone/);
  });
});

describe('nextAllowedMoment: Regulation F caps apply to calls, not texts', () => {
  const zone = 'America/New_York';
  // One call a day at 10:00, Monday 2026-03-02 to Sunday 2026-03-08 (the spring-forward day).
  const sevenDailyCalls = [2, 3, 4, 5, 6, 7, 8].map((day) => local(`2026-03-0${day}T10:00`, zone));

  it('when 7 calls were placed in the last 7 days, then an 8th call waits until the first of them leaves the period, at 08:00', () => {
    const result = nextAllowedMoment(
      args({ now: local('2026-03-08T15:00', zone), timeZone: zone, channel: 'voice', history: { callAttempts: sevenDailyCalls, conversations: [] } }),
    );
    expect(result.at).toBe(local('2026-03-09T08:00', zone));
    expect(result.reason).toContain('7 call attempts in 7 days: next on 2026-03-09');
    expect(result.deferrals).toEqual([
      { kind: 'call-attempts-cap', until: local('2026-03-09T00:00', zone), reason: '7 call attempts in 7 days: next on 2026-03-09' },
      { kind: 'outside-hours', until: local('2026-03-09T08:00', zone), reason: 'outside calling hours 08:00-21:00 America/New_York' },
    ]);
  });

  it('when 7 calls were placed but the debtor is texted, then the text goes now', () => {
    const result = nextAllowedMoment(
      args({ now: local('2026-03-08T15:00', zone), timeZone: zone, channel: 'sms', history: { callAttempts: sevenDailyCalls, conversations: [] } }),
    );
    expect(result).toEqual({ at: local('2026-03-08T15:00', zone), reason: 'allowed now', deferrals: [] });
  });

  it('when a telephone conversation took place on Monday, then calls wait until the next Monday 08:00', () => {
    const history = { callAttempts: [local('2026-03-02T11:00', zone)], conversations: [local('2026-03-02T11:00', zone)] };
    const result = nextAllowedMoment(args({ now: local('2026-03-04T09:00', zone), timeZone: zone, channel: 'voice', history }));
    expect(result.at).toBe(local('2026-03-09T08:00', zone));
    expect(result.reason).toContain('telephone conversation on 2026-03-02: no calls for 7 days');
    expect(result.deferrals.map((d) => d.kind)).toEqual(['conversation-quiet-days', 'outside-hours']);
  });
});
