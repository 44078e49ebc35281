import { describe, expect, it } from 'vitest';
import type { Campaign } from '../../src/campaigns/campaign-schema';
import { chooseStrategy, type DebtorProfile } from '../../src/policy/segments';

// The demo campaign's segments, in its order.
const campaign: Pick<Campaign, 'segments' | 'defaultStrategy'> = {
  segments: [
    { id: 'distressed', when: ['flags includes distressed'], strategy: 'human-first' },
    { id: 'repeat-late-payer', when: ['brokenPromises >= 2'], strategy: 'consequences-and-plan' },
    { id: 'long-overdue', when: ['daysPastDue >= 90'], strategy: 'consequences-and-plan' },
    { id: 'reliable-payer', when: ['onTimePayments >= 6', 'brokenPromises == 0'], strategy: 'friendly-reminder' },
  ],
  defaultStrategy: 'friendly-reminder',
};

const debtor = (overrides: Partial<DebtorProfile>): DebtorProfile => ({
  daysPastDue: 10,
  onTimePayments: 0,
  brokenPromises: 0,
  amountDue: 50_000,
  flags: [],
  ...overrides,
});

describe('chooseStrategy', () => {
  it.each([
    { who: 'a distressed debtor, even with broken promises (first match wins)', profile: { flags: ['distressed'], brokenPromises: 3 }, segmentId: 'distressed', strategy: 'human-first' },
    { who: 'a debtor with 2 broken promises', profile: { brokenPromises: 2 }, segmentId: 'repeat-late-payer', strategy: 'consequences-and-plan' },
    { who: 'a debtor 90 days past due', profile: { daysPastDue: 90 }, segmentId: 'long-overdue', strategy: 'consequences-and-plan' },
    { who: 'a debtor 89 days past due', profile: { daysPastDue: 89 }, segmentId: null, strategy: 'friendly-reminder' },
    { who: 'a reliable payer', profile: { onTimePayments: 6 }, segmentId: 'reliable-payer', strategy: 'friendly-reminder' },
    { who: 'a reliable payer with one broken promise (not every condition holds)', profile: { onTimePayments: 6, brokenPromises: 1 }, segmentId: null, strategy: 'friendly-reminder' },
    { who: 'an angry but not distressed debtor', profile: { flags: ['angry'] }, segmentId: null, strategy: 'friendly-reminder' },
  ])('when the debtor is $who, then the segment is $segmentId with $strategy', ({ profile, segmentId, strategy }) => {
    expect(chooseStrategy(campaign, debtor(profile))).toEqual({ segmentId, strategy });
  });

  it.each([
    { condition: 'amountDue > 100000', profile: { amountDue: 100_001 }, holds: true },
    { condition: 'amountDue > 100000', profile: { amountDue: 100_000 }, holds: false },
    { condition: 'daysPastDue < 30', profile: { daysPastDue: 29 }, holds: true },
    { condition: 'daysPastDue <= 30', profile: { daysPastDue: 30 }, holds: true },
    { condition: 'daysPastDue <= 30', profile: { daysPastDue: 31 }, holds: false },
    { condition: 'brokenPromises != 0', profile: { brokenPromises: 1 }, holds: true },
    { condition: 'brokenPromises != 0', profile: { brokenPromises: 0 }, holds: false },
    { condition: 'flags excludes angry', profile: { flags: ['distressed'] }, holds: true },
    { condition: 'flags excludes angry', profile: { flags: ['angry'] }, holds: false },
  ])("when the only segment requires '$condition' and the debtor has $profile, then it matches: $holds", ({ condition, profile, holds }) => {
    const single: Pick<Campaign, 'segments' | 'defaultStrategy'> = {
      segments: [{ id: 'only', when: [condition], strategy: 'human-first' }],
      defaultStrategy: 'friendly-reminder',
    };
    expect(chooseStrategy(single, debtor(profile)).segmentId).toBe(holds ? 'only' : null);
  });

  it('when the campaign has no segments, then every debtor gets the default strategy', () => {
    expect(chooseStrategy({ segments: [], defaultStrategy: 'human-first' }, debtor({}))).toEqual({ segmentId: null, strategy: 'human-first' });
  });
});
