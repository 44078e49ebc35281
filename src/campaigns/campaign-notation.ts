// The notation a validated campaign keeps (channels, weekdays, ISO 8601 durations, 'HH:mm',
// condition text) and the readers the policy modules use on it. Free of zod: workflows import this,
// and every new workflow evaluates its imports again in the sandbox, where building the campaign
// schema cost a fifth of the workflow thread under an import (docs/benchmarks.md).

export const channels = ['sms', 'voice'] as const;
export type Channel = (typeof channels)[number];

/** Index + 1 is the ISO weekday (luxon's DateTime.weekday). */
export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export const strategies = ['friendly-reminder', 'consequences-and-plan', 'human-first'] as const;
export type Strategy = (typeof strategies)[number];

/** Debtor numbers a segment condition may compare; amountDue is in minor units (cents, fen). */
export const debtorNumberFields = ['daysPastDue', 'onTimePayments', 'brokenPromises', 'amountDue'] as const;
export type DebtorNumberField = (typeof debtorNumberFields)[number];

export const comparisonOps = ['>=', '<=', '==', '!=', '>', '<'] as const;
export type ComparisonOp = (typeof comparisonOps)[number];

/** One parsed segment condition: 'daysPastDue >= 30' or 'flags includes distressed'. */
export type Condition =
  | { field: DebtorNumberField; op: ComparisonOp; value: number }
  | { field: 'flags'; op: 'includes' | 'excludes'; value: string };

// ---------------------------------------------------------------------------------------------
// Notations

const comparisonPattern = /^\s*([A-Za-z]+)\s*(>=|<=|==|!=|>|<)\s*(\d+)\s*$/;
const flagPattern = /^\s*flags\s+(includes|excludes)\s+([a-z][a-z0-9-]*)\s*$/;

/** Reads one condition of the segment language; null when the text is not one. */
export function parseCondition(text: string): Condition | null {
  const flag = flagPattern.exec(text);
  if (flag) return { field: 'flags', op: flag[1] as 'includes' | 'excludes', value: flag[2] };
  const comparison = comparisonPattern.exec(text);
  const field = comparison?.[1] as DebtorNumberField | undefined;
  if (!comparison || field === undefined || !debtorNumberFields.includes(field)) return null;
  return { field, op: comparison[2] as ComparisonOp, value: Number(comparison[3]) };
}

// Days are taken as 24 hours: the contact window, not the delay, keeps contacts at sensible local
// times. Months and years are refused because their length varies.
const isoDurationPattern = /^P(?!$)(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

export function readDuration(text: string): number | null {
  const match = isoDurationPattern.exec(text);
  if (!match) return null;
  const [weeks, days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0));
  return ((((weeks * 7 + days) * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000;
}

/** Milliseconds of a validated ISO 8601 duration ('P2D', 'PT4H', 'P1DT12H'). */
export function durationMillis(duration: string): number {
  const millis = readDuration(duration);
  if (millis === null) throw new RangeError(`'${duration}' is not an ISO 8601 duration of weeks, days, hours, minutes or seconds`);
  return millis;
}

/** Minutes since local midnight of a validated 'HH:mm'. */
export function minuteOfDay(hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return hours * 60 + minutes;
}
