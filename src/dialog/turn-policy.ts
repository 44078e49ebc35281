import { isTransitionAllowed, isVerifiedState, type CallState } from './call-states';
import { extractEntities } from './entities';
import { mentionsDebtDetail } from './debt-detail';
import { detectIntent } from './intents';
import type { Language } from './language';
import { isPlanWithinLimits, isPromiseDateWithinLimits } from './offer-limits';
import { threatViolations } from './threats';
import { blankOut, containsPhrase } from './text-normalize';
import { requiredDisclosure, type TurnContext } from './turn-context';
import { turnDecisionSchema } from './turn-decision-schema';
import type { TurnDecision } from './turn-schema';
import { verificationProgress } from './verification';

/**
 * The gate every turn passes before it is spoken (an LLM's always; the rule engine's in tests).
 * Violations are short codes, never the reply or the caller's words: they get logged.
 */
export type TurnPolicyResult = { ok: true } | { ok: false; violations: string[] };

/** About 25 seconds of speech: ~14 characters a second in English, ~5 in Mandarin. */
export const MAX_REPLY_CHARS: Readonly<Record<Language, number>> = { en: 360, 'zh-CN': 140 };

/** States whose replies go on with the debt, so the disclosure must already have been said. */
const PAST_DISCLOSURE: ReadonlySet<CallState> = new Set(['purpose-and-balance', 'handle-answer', 'recap', 'close']);

type PolicyCheck = (ctx: TurnContext, decision: TurnDecision) => string[];

const when = (condition: boolean, violation: string): string[] => (condition ? [violation] : []);

/** Whether the caller is the debtor once this turn's words are counted: code decides, whatever the decision claims. */
const verifiedAfterTurn = (ctx: TurnContext): boolean => isVerifiedState(ctx.state) || verificationProgress(ctx).status === 'verified';

const checkTransition: PolicyCheck = (ctx, decision) => when(!isTransitionAllowed(ctx.state, decision.nextState), 'illegal-transition');

const checkLength: PolicyCheck = (ctx, { reply }) => [
  ...when(reply.trim().length === 0, 'empty-reply'),
  ...when(reply.length > MAX_REPLY_CHARS[ctx.language], 'reply-too-long'),
];

const checkDebtDetail: PolicyCheck = (ctx, decision) => {
  if (!mentionsDebtDetail(decision.reply, ctx)) return [];
  if (decision.intent === 'wrong-person') return ['debt-detail-to-third-party'];
  return when(!verifiedAfterTurn(ctx), 'debt-detail-before-verification');
};

/** Past verification only when code verified the caller; out of tries, the call may not ask again. */
const checkVerification: PolicyCheck = (ctx, { nextState }) => {
  if (isVerifiedState(ctx.state)) return [];
  return [
    ...when(isVerifiedState(nextState) && !verifiedAfterTurn(ctx), 'unverified-caller-past-verification'),
    ...when(nextState === 'verify-identity' && verificationProgress(ctx).status === 'failed', 'verification-tries-exhausted'),
  ];
};

const checkDisclosure: PolicyCheck = (ctx, decision) => {
  const disclosure = requiredDisclosure(ctx);
  const saidNow = containsPhrase(decision.reply, disclosure);
  if (ctx.history.some((turn) => containsPhrase(turn.said, disclosure)) || saidNow) return [];
  const entersDisclosure = decision.nextState === 'disclosure' && ctx.state !== 'disclosure';
  const talksDebt = verifiedAfterTurn(ctx) && mentionsDebtDetail(decision.reply, ctx);
  return when(entersDisclosure || PAST_DISCLOSURE.has(decision.nextState) || talksDebt, 'missing-disclosure');
};

const checkOfferLimits: PolicyCheck = (ctx, { intent, entities, reply, nextState }) => {
  const total = ctx.account.amountDueMinor;
  const { instalments, amountMinor, date } = entities;
  // A recap confirms terms: the counts it speaks must be allowed too, not only the structured ones.
  const spokenInstalments = nextState === 'recap' ? extractEntities({ text: reply }, { now: ctx.now, timeZone: ctx.timeZone, currency: ctx.account.currency }).instalments : null;
  const planOutside =
    (instalments !== null && !isPlanWithinLimits(total, instalments, ctx.offers)) ||
    (spokenInstalments !== null && spokenInstalments > ctx.offers.maxInstalments) ||
    (intent === 'plan-request' && amountMinor !== null && instalments !== null && amountMinor < ctx.offers.minInstalmentAmountMinor);
  const promiseOutside = intent === 'promise-to-pay' && date !== null && !isPromiseDateWithinLimits(date, ctx.now, ctx.timeZone, ctx.offers);
  const aboveBalance = (intent === 'promise-to-pay' || intent === 'pay-now') && amountMinor !== null && amountMinor > total;
  return [...when(planOutside, 'plan-outside-limits'), ...when(promiseOutside, 'promise-outside-limits'), ...when(aboveBalance, 'amount-above-balance')];
};

const checkThreats: PolicyCheck = (ctx, { reply }) =>
  // The campaign's own disclosure text is the campaign's responsibility, not the turn's.
  threatViolations(blankOut(reply, [requiredDisclosure(ctx)]), ctx.consequences);

/** "Stop calling" ends the call (12 CFR 1006.14(h); TCPA revocation), even if the LLM misread it. */
const checkOptOut: PolicyCheck = (ctx, decision) => {
  const optedOut = decision.intent === 'opt-out' || detectIntent(ctx.utterance).intent === 'opt-out';
  return when(optedOut && decision.nextState !== 'ended', 'opt-out-not-honoured');
};

const checkWrongPerson: PolicyCheck = (_ctx, decision) =>
  when(decision.intent === 'wrong-person' && decision.nextState !== 'ended', 'wrong-person-not-ended');

const POLICY_CHECKS: readonly PolicyCheck[] = [
  checkTransition,
  checkLength,
  checkDebtDetail,
  checkVerification,
  checkDisclosure,
  checkOfferLimits,
  checkThreats,
  checkOptOut,
  checkWrongPerson,
];

export function checkTurnPolicy(ctx: TurnContext, candidate: unknown): TurnPolicyResult {
  const parsed = turnDecisionSchema.safeParse(candidate);
  if (!parsed.success) {
    return { ok: false, violations: parsed.error.issues.map((issue) => `malformed-turn:${issue.path.join('.') || 'root'}`) };
  }
  const violations = POLICY_CHECKS.flatMap((check) => check(ctx, parsed.data));
  return violations.length === 0 ? { ok: true } : { ok: false, violations };
}
