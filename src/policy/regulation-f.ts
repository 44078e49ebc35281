import { DateTime } from 'luxon';

// Call-frequency limits of Regulation F (12 CFR 1006), counted per debt in the consumer's time zone.
//
// §1006.14(b)(2)(i): a debt collector is presumed to harass if it places a telephone call
//   (A) more than seven times within a period of seven consecutive days, or
//   (B) within a period of seven consecutive days after having had a telephone conversation with
//       the person about the debt; "the date of the telephone conversation is the first day of the
//       seven-consecutive-day period".
// The periods are counted in whole calendar days, like the conversation rule says explicitly; we
// count them in the consumer's zone, where §1006.6(b)(1)(i) also places the calling hours.
// Call attempts include unanswered calls and calls that reached voicemail; a conversation is itself
// an attempt. Texts are not telephone calls for §1006.14(b)(2) and are not counted here.
// Not modelled: the exceptions of §1006.14(b)(3) (prior consent given directly within the last
// seven days, calls not connected to the dialled number): without them the count is only stricter.

/** The numbers Regulation F sets; a campaign may be stricter, and may only be looser outside the US. */
export const regulationFCallCaps = {
  maxCallAttempts: 7,
  withinDays: 7,
  quietDaysAfterConversation: 7,
} as const;

/** §1006.6(b)(1)(i): before 08:00 or from 21:00 local time is presumed inconvenient (calls, texts, email). */
export const regulationFCallingHours = { start: '08:00', end: '21:00' } as const;

export interface CallCapRules {
  /** Most call attempts allowed on any `withinDays` consecutive local days. */
  maxCallAttempts: number;
  withinDays: number;
  /** Days without calls after a telephone conversation, the conversation's day counting as the first. */
  quietDaysAfterConversation: number;
}

/** The debt's telephone history, as epoch milliseconds. */
export interface CallHistory {
  callAttempts: readonly number[];
  conversations: readonly number[];
}

export interface CallCapArgs {
  now: number;
  timeZone: string;
  history: CallHistory;
  rules: CallCapRules;
}

export interface CallCapState {
  /** Attempts on the last `withinDays` local days, today included. */
  attemptsInPeriod: number;
  /** Start of the local day from which one more attempt stays within the cap; null when it already does. */
  attemptsCapLiftsAt: number | null;
  /** Local date (YYYY-MM-DD) of the latest conversation, or null if there was none. */
  lastConversationDate: string | null;
  /** Start of the first local day after the quiet period of the latest conversation; null when no quiet period is running. */
  conversationQuietEndsAt: number | null;
}

function localDayStart(ms: number, timeZone: string): DateTime {
  const local = DateTime.fromMillis(ms, { zone: timeZone });
  if (!local.isValid) throw new RangeError(`unknown time zone '${timeZone}'`);
  return local.startOf('day');
}

/** How the debt stands against the caps at `now`; events after `now` are ignored. */
export function callCapState({ now, timeZone, history, rules }: CallCapArgs): CallCapState {
  const today = localDayStart(now, timeZone);
  const periodStart = today.minus({ days: rules.withinDays - 1 }).toMillis();
  const pastAttemptsNewestFirst = history.callAttempts.filter((at) => at <= now).sort((a, b) => b - a);
  const attemptsInPeriod = pastAttemptsNewestFirst.filter((at) => at >= periodStart).length;

  // One more call on day X is allowed when the period ending on X holds at most max - 1 earlier
  // attempts, so the max-th newest attempt must fall before that period: X >= its day + withinDays.
  const oldestAttemptThatMustAge = pastAttemptsNewestFirst[rules.maxCallAttempts - 1];
  const capLifts =
    oldestAttemptThatMustAge === undefined
      ? null
      : localDayStart(oldestAttemptThatMustAge, timeZone).plus({ days: rules.withinDays }).toMillis();

  const lastConversation = Math.max(...history.conversations.filter((at) => at <= now));
  const conversationDay = Number.isFinite(lastConversation) ? localDayStart(lastConversation, timeZone) : null;
  const quietEnds = conversationDay?.plus({ days: rules.quietDaysAfterConversation }).toMillis() ?? null;

  return {
    attemptsInPeriod,
    attemptsCapLiftsAt: capLifts !== null && capLifts > now ? capLifts : null,
    lastConversationDate: conversationDay?.toISODate() ?? null,
    conversationQuietEndsAt: quietEnds !== null && quietEnds > now ? quietEnds : null,
  };
}

/** The cap that holds a call back: too many attempts in the period, or the quiet days after a conversation. */
export type CallCapKind = 'call-attempts-cap' | 'conversation-quiet-days';

/**
 * The earliest instant, not before `now`, at which a call keeps within both caps, and which cap
 * makes it later than `now` and why (null when a call is allowed now). Calling hours are
 * contact-window.ts's concern.
 */
export function earliestCallAllowedByCaps(args: CallCapArgs): { at: number; kind: CallCapKind; reason: string } | { at: number; kind: null; reason: null } {
  const { rules, timeZone } = args;
  const state = callCapState(args);
  const localDate = (ms: number) => DateTime.fromMillis(ms, { zone: timeZone }).toISODate();
  const blocks: Array<{ kind: CallCapKind; until: number; reason: string }> = [];
  if (state.attemptsCapLiftsAt !== null) {
    blocks.push({
      kind: 'call-attempts-cap',
      until: state.attemptsCapLiftsAt,
      reason: `${rules.maxCallAttempts} call attempts in ${rules.withinDays} days: next on ${localDate(state.attemptsCapLiftsAt)}`,
    });
  }
  if (state.conversationQuietEndsAt !== null) {
    blocks.push({
      kind: 'conversation-quiet-days',
      until: state.conversationQuietEndsAt,
      reason: `telephone conversation on ${state.lastConversationDate}: no calls for ${rules.quietDaysAfterConversation} days (next on ${localDate(state.conversationQuietEndsAt)})`,
    });
  }
  const latest = blocks.sort((a, b) => b.until - a.until)[0];
  return latest ? { at: latest.until, kind: latest.kind, reason: latest.reason } : { at: args.now, kind: null, reason: null };
}
