import type { TurnContext, TurnContextInput } from '../../../src/dialog/turn-context';
import { turnContextSchema } from '../../../src/dialog/turn-context-schema';

/** Thursday 2025-12-04, 10:00 in Los Angeles (18:00 UTC). */
export const THURSDAY_MORNING_LA = Date.parse('2025-12-04T18:00:00Z');

export const MINI_MIRANDA_EN = 'This is an attempt to collect a debt and any information obtained will be used for that purpose.';
export const MINI_MIRANDA_ZH = '这是一次债务催收，所获得的任何信息都将用于此目的。';

type Overrides = { [K in keyof TurnContextInput]?: Partial<TurnContextInput[K]> | TurnContextInput[K] };

/** A made-up debtor on a made-up account; each test overrides only what it is about. */
export function makeContext(overrides: Overrides = {}): TurnContext {
  const base: TurnContextInput = {
    language: 'en',
    state: 'greeting',
    strategy: 'friendly-reminder',
    collector: { agentName: 'Sam Lee', companyName: 'Acme Recoveries', callbackNumber: '555-0100' },
    debtor: { firstName: 'Jane', fullName: 'Jane Doe', birthYear: 1985 },
    account: { creditorName: 'Northwind Bank', amountDueMinor: 12_000, currency: 'USD', dueDate: '2025-11-20' },
    offers: { maxInstalments: 4, minInstalmentAmountMinor: 2_500, maxDaysOut: 14 },
    disclosure: { initial: MINI_MIRANDA_EN, subsequent: 'This communication is from a debt collector.' },
    initialCommunication: true,
    utterance: { text: 'Hello?', asrConfidence: 0.95 },
    now: THURSDAY_MORNING_LA,
    timeZone: 'America/Los_Angeles',
  };
  const merged = Object.fromEntries(
    Object.entries({ ...base, ...overrides }).map(([key, value]) => {
      const baseValue = base[key as keyof TurnContextInput];
      const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
      return [key, isObject(baseValue) && isObject(value) ? { ...(baseValue as object), ...(value as object) } : value];
    }),
  );
  return turnContextSchema.parse(merged);
}
