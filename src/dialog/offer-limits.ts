import { addDays, localToday } from './calendar';
import type { TurnContext } from './turn-context';

/**
 * The campaign's limits on what may be agreed on a call, shared by the rule engine (what it offers)
 * and the turn policy (what an LLM turn may offer). Amounts are minor units; dates YYYY-MM-DD.
 */
type Offers = TurnContext['offers'];

/** The most instalments allowed: the campaign's cap, and no instalment below the minimum amount. */
export function maxFeasibleInstalments(totalMinor: number, offers: Offers): number {
  return Math.min(offers.maxInstalments, Math.floor(totalMinor / offers.minInstalmentAmountMinor));
}

/**
 * Equal instalments with the remainder on the first, so no instalment is ever below
 * floor(total / count), which the limits above keep at or over the minimum.
 */
export function splitIntoInstalments(totalMinor: number, count: number): { firstMinor: number; regularMinor: number } {
  const regularMinor = Math.floor(totalMinor / count);
  return { firstMinor: totalMinor - regularMinor * (count - 1), regularMinor };
}

/** A plan needs at least two instalments; one is a promise to pay. */
export function isPlanWithinLimits(totalMinor: number, count: number, offers: Offers): boolean {
  return count >= 2 && count <= maxFeasibleInstalments(totalMinor, offers);
}

export function latestPromiseDate(now: number, timeZone: string, offers: Offers): string {
  return addDays(localToday(now, timeZone), offers.maxDaysOut);
}

export function isPromiseDateWithinLimits(date: string, now: number, timeZone: string, offers: Offers): boolean {
  return date >= localToday(now, timeZone) && date <= latestPromiseDate(now, timeZone, offers);
}
