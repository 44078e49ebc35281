import { describe, expect, it } from 'vitest';
import { isNorthAmericanNumber, withinRegulationF } from '../../src/policy/us-contact-rules';

const window = { weekdays: ['mon', 'tue'] as Array<'mon' | 'tue'>, blackoutDates: ['2026-12-25'] };

describe('US rules for a +1 number', () => {
  it.each([
    { phone: '+12125550100', northAmerican: true },
    { phone: '+14165550100', northAmerican: true },
    { phone: '+447700900123', northAmerican: false },
    { phone: '+8613800138000', northAmerican: false },
  ])('when the number is $phone, then it is North American: $northAmerican', ({ phone, northAmerican }) => {
    expect(isNorthAmericanNumber(phone)).toBe(northAmerican);
  });

  it('when the campaign is looser than Regulation F, then its hours and caps are narrowed to it, and its days kept', () => {
    const loose = { contactWindow: { ...window, start: '06:00', end: '23:00' }, frequencyCaps: { maxCallAttempts: 20, withinDays: 3, quietDaysAfterConversation: 0 } };
    expect(withinRegulationF(loose)).toEqual({
      contactWindow: { ...window, start: '08:00', end: '21:00' },
      frequencyCaps: { maxCallAttempts: 7, withinDays: 7, quietDaysAfterConversation: 7 },
    });
  });

  it('when the campaign is stricter than Regulation F, then it is left as it is', () => {
    const strict = { contactWindow: { ...window, start: '09:30', end: '18:00' }, frequencyCaps: { maxCallAttempts: 3, withinDays: 14, quietDaysAfterConversation: 10 } };
    expect(withinRegulationF(strict)).toEqual(strict);
  });
});
