// A KPI that divides is undefined when nothing is under it: null (the console shows "—"), never 0
// or NaN, so "no calls yet" cannot read as "no call reached anyone".

/** `part ÷ whole`, or null when the whole is zero. */
export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
