// The fixed words of a collections turn: what a caller may want, how a call may lean, and which
// consequences it may name. Plain values: the workflow bundle and the zod schemas both read them.

/**
 * What the caller wants, read in the context of the call: "yes" to an offer of a payment link is
 * pay-now, "fifty dollars" after "how much on Friday?" is promise-to-pay. 'unknown' means the turn was
 * not understood; the turn loop counts consecutive ones for the escalation rules.
 */
export const INTENTS = [
  'greet',
  'affirm',
  'deny',
  'identity-confirmed',
  'wrong-person',
  'inform',
  'pay-now',
  'promise-to-pay',
  'plan-request',
  'callback-request',
  'dispute',
  'hardship',
  'lawyer',
  'bankruptcy',
  'human',
  'opt-out',
  'abuse',
  'question',
  /** "Sorry, what?": the caller asks to hear the agent's last words again. */
  'repeat',
  /** A harassment claim or a threat to complain to a regulator: a person answers it. */
  'complaint',
  'unknown',
] as const;

export type Intent = (typeof INTENTS)[number];

export const STRATEGIES = ['friendly-reminder', 'consequences-and-plan', 'human-first'] as const;

export type Strategy = (typeof STRATEGIES)[number];

/**
 * Consequences of continued non-payment that the creditor has confirmed it can and intends to take.
 * Only these may be mentioned: threatening an action not intended is a false representation
 * (12 CFR 1006.18(c)(5)).
 */
export const CONSEQUENCES = ['credit-reporting', 'late-fees', 'lawsuit'] as const;

export type Consequence = (typeof CONSEQUENCES)[number];
