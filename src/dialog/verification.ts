import { detectIntent } from './intents';
import type { HistoryTurn, TurnContext, Utterance } from './turn-context';
import type { Intent } from './turn-schema';
import { readAnswer, type AnswerReading, type AnswerShape } from './verification-answers';

/**
 * Right-party verification: nothing about the debt until the person on the line is the debtor
 * (third-party disclosure is prohibited, 12 CFR 1006.6(d)). The name is confirmed first; then the
 * year of birth when it is on file, then the campaign's second factor when it has one. Code decides
 * it from the caller's own words, never a model: the LLM is only told the result.
 */
export type FactorKind = 'birth-year' | 'zip' | 'account-last-4';

/** `answer` is absent when the campaign asks for a value this debtor's record lacks: it can never match. */
export interface VerificationFactor {
  kind: FactorKind;
  answer: string | undefined;
}

/** Wrong or unclear answers each question takes, for calls set up before campaigns could say. */
export const DEFAULT_VERIFICATION_TRIES = 2;

const SHAPES: Readonly<Record<FactorKind, AnswerShape>> = {
  'birth-year': { kind: 'year' },
  zip: { kind: 'code', digits: 5 },
  'account-last-4': { kind: 'code', digits: 4 },
};

type VerificationContext = Pick<TurnContext, 'state' | 'debtor' | 'verification' | 'history' | 'utterance'>;

/** The last 4 digits of an account reference ("A-10-4471": "4471"); none when it has fewer. */
export function accountRefLast4(accountRef: string): string | undefined {
  const digits = accountRef.replace(/\D/g, '');
  return digits.length >= 4 ? digits.slice(-4) : undefined;
}

export function verificationFactors(ctx: Pick<TurnContext, 'debtor' | 'verification'>): VerificationFactor[] {
  const { debtor } = ctx;
  const second = ctx.verification?.secondFactor;
  return [
    ...(debtor.birthYear !== undefined ? [{ kind: 'birth-year' as const, answer: String(debtor.birthYear) }] : []),
    ...(second === 'zip' ? [{ kind: second, answer: debtor.zip }] : []),
    ...(second === 'account-last-4' ? [{ kind: second, answer: debtor.accountLast4 }] : []),
  ];
}

export function readFactorAnswer(factor: VerificationFactor, utterance: Pick<Utterance, 'text' | 'digits'>): AnswerReading {
  const shape = SHAPES[factor.kind];
  return readAnswer(utterance, shape.kind === 'code' && factor.answer ? { kind: 'code', digits: factor.answer.length } : shape, factor.answer);
}

const NAME_CONFIRMING_INTENTS: ReadonlySet<Intent> = new Set(['affirm', 'identity-confirmed']);

export interface VerificationProgress {
  status: 'verified' | 'failed' | 'pending';
  /** The question the caller answers next: the first factor not yet answered. */
  asking: VerificationFactor | undefined;
  /** How the latest answer read against the question it answered; absent before any question. */
  latest: AnswerReading | undefined;
  /** Wrong or several-valued answers the question being asked still takes. */
  triesLeft: number;
}

/** The caller's answers in the verify-identity state, oldest first, the current one last; a question the FAQ answered is none. */
function answers(ctx: VerificationContext): Array<Pick<Utterance, 'text' | 'digits'>> {
  const earlier = ctx.history
    .filter((turn: HistoryTurn) => turn.state === 'verify-identity' && !turn.faqId)
    .map((turn) => ({ text: turn.heard, ...(turn.entities.digits ? { digits: turn.entities.digits } : {}) }));
  return ctx.state === 'verify-identity' ? [...earlier, ctx.utterance] : earlier;
}

/**
 * Where verification stands once the current answer is counted. A match moves on to the next
 * question; a wrong answer, or one giving several values, uses up one of the question's tries.
 */
export function verificationProgress(ctx: VerificationContext): VerificationProgress {
  const factors = verificationFactors(ctx);
  const maxTries = ctx.verification?.maxTries ?? DEFAULT_VERIFICATION_TRIES;
  let nameConfirmed = false;
  let passed = 0;
  let misses = 0;
  let latest: AnswerReading | undefined;
  for (const answer of answers(ctx)) {
    if (misses >= maxTries || (nameConfirmed && passed === factors.length)) break;
    const asked = nameConfirmed;
    nameConfirmed ||= NAME_CONFIRMING_INTENTS.has(detectIntent(answer).intent);
    const factor = factors[passed];
    latest = nameConfirmed && factor ? readFactorAnswer(factor, answer) : undefined;
    if (latest === 'match') {
      passed += 1;
      misses = 0;
    } else if (!asked) {
      // "Yes, it's me, 1985" may answer the first question before it is asked; anything else there is no try.
      latest = undefined;
    } else if (latest === 'mismatch' || latest === 'several') misses += 1;
  }
  const status = nameConfirmed && passed === factors.length ? 'verified' : misses >= maxTries ? 'failed' : 'pending';
  return { status, asking: nameConfirmed ? factors[passed] : undefined, latest, triesLeft: maxTries - misses };
}
