import { describe, expect, it } from 'vitest';
import { duplicateCalls, duplicateTexts, stepOfText } from '../../../src/load/ledger';
import { afternoonTimeZone, phoneFor } from '../../../src/load/debtor-rows';
import { checkEndStates } from '../../../src/load/workflow-states';

const text = (to: string, step: string, direction = 'outbound-api') => ({
  to,
  direction,
  body: `This is an attempt to collect a debt. Hi Jordan, pay here: http://127.0.0.1/pay/abc [${step}] Reply STOP to opt out.`,
});

describe('duplicate contacts in the simulator ledger', () => {
  it('When a text carries its step marker before the opt-out line, then the step is read from it', () => {
    expect(stepOfText(text('+12022000001', 'first-text').body)).toBe('first-text');
    expect(stepOfText('no marker at all')).toBe('no marker at all');
  });

  it('When one person got the same step twice and another got two different steps, then exactly one duplicate is counted', () => {
    const ledger = [text('+12022000001', 'first-text'), text('+12022000001', 'first-text'), text('+12022000002', 'first-text'), text('+12022000002', 'reminder-text')];
    expect(duplicateTexts(ledger)).toEqual({ count: 1, examples: ['+12022000001 first-text ×2'] });
  });

  it('When a step was sent three times, then it counts as two duplicates', () => {
    expect(duplicateTexts([text('+1', 'first-text'), text('+1', 'first-text'), text('+1', 'first-text')]).count).toBe(2);
  });

  it("When the person's own texts repeat, then they are not the service's duplicates", () => {
    expect(duplicateTexts([text('+1', 'first-text'), text('+1', 'first-text', 'inbound')]).count).toBe(0);
  });

  it('When one number was called twice, then one duplicate call is counted; inbound calls are not', () => {
    const calls = [
      { to: '+12022000001', direction: 'outbound-api' },
      { to: '+12022000001', direction: 'outbound-api' },
      { to: '+12022000002', direction: 'outbound-api' },
      { to: '+12022000002', direction: 'inbound' },
    ];
    expect(duplicateCalls(calls).count).toBe(1);
  });
});

describe('end states of a run', () => {
  it('When workflows are missing, failed or never did their work, then each is counted once under its own problem', () => {
    const statuses = new Map([
      ['a', 'RUNNING'],
      ['b', 'FAILED'],
      ['c', 'RUNNING'],
    ]);
    const result = checkEndStates(['a', 'b', 'c', 'd'], statuses, 'RUNNING', (id) => id === 'a');
    expect(result).toMatchObject({ expected: 4, lost: 1, notInExpectedState: 1, stuck: 1, byStatus: { RUNNING: 2, FAILED: 1 } });
    expect(result.examples).toEqual(['FAILED: b', 'stuck: c', 'lost: d']);
  });
});

describe('generated load debtors', () => {
  it.each([0, 5, 13, 23])('When it is %i:00 UTC, then the debtors’ zone is at 14:00, inside the calling hours', (hour) => {
    const now = new Date(Date.UTC(2026, 10, 30, hour, 30));
    const local = new Intl.DateTimeFormat('en-US', { timeZone: afternoonTimeZone(now), hour: 'numeric', hourCycle: 'h23' }).format(now);
    expect(Number(local)).toBe(14);
  });

  it('When 20,000 debtors are generated, then each has its own number', () => {
    expect(new Set(Array.from({ length: 20_000 }, (_, i) => phoneFor(i))).size).toBe(20_000);
  });
});
