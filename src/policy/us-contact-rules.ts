import { minuteOfDay } from '../campaigns/campaign-notation';
import type { ContactWindow } from '../campaigns/campaign-schema';
import { regulationFCallCaps, regulationFCallingHours, type CallCapRules } from './regulation-f';

// A campaign outside US law may set hours and caps looser than Regulation F, and its validation
// lets it. The person's number decides too: +1 is the North American Numbering Plan, and a debt
// collector calling or texting a +1 number is presumed to reach someone under US law, so such a
// number is contacted within §1006.6(b)(1)(i)'s hours and §1006.14(b)(2)'s caps whatever the
// campaign's jurisdiction. Canada and the Caribbean share +1: their numbers get the US rules too,
// which only makes them stricter than the campaign.

export interface ContactRules {
  contactWindow: ContactWindow;
  frequencyCaps: CallCapRules;
}

/** True for an E.164 number in the North American Numbering Plan (country code 1). */
export function isNorthAmericanNumber(e164: string): boolean {
  return e164.startsWith('+1');
}

/** The rules, each narrowed to Regulation F's where it is looser; unchanged where it is already as strict. */
export function withinRegulationF({ contactWindow, frequencyCaps }: ContactRules): ContactRules {
  const later = (a: string, b: string) => (minuteOfDay(a) >= minuteOfDay(b) ? a : b);
  const earlier = (a: string, b: string) => (minuteOfDay(a) <= minuteOfDay(b) ? a : b);
  return {
    contactWindow: {
      ...contactWindow,
      start: later(contactWindow.start, regulationFCallingHours.start),
      end: earlier(contactWindow.end, regulationFCallingHours.end),
    },
    frequencyCaps: {
      maxCallAttempts: Math.min(frequencyCaps.maxCallAttempts, regulationFCallCaps.maxCallAttempts),
      withinDays: Math.max(frequencyCaps.withinDays, regulationFCallCaps.withinDays),
      quietDaysAfterConversation: Math.max(frequencyCaps.quietDaysAfterConversation, regulationFCallCaps.quietDaysAfterConversation),
    },
  };
}
