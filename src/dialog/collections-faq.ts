import { isVerifiedState, type CallState } from './call-states';
import { PHRASES, joinSentences } from './collections-phrases';
import type { ScriptStep } from './dialog-script';
import { hasTerms } from './entities';
import { matchFaq } from './faq';
import type { TurnContext } from './turn-context';
import { NO_ENTITIES, type Intent } from './turn-schema';
import type { Understanding } from './understanding';
import { verificationProgress } from './verification';

/**
 * A frequently asked question on a collections call, answered from the campaign's FAQ: the answer,
 * then the question the call was waiting on, and the call stays in its state. Answers about the
 * debt wait for verification (12 CFR 1006.6(d)); before it the caller hears that, and the
 * verification question again.
 */

/** The greeting expects no answer, and a terminal state takes no turn. */
const ANSWERING_STATES: ReadonlySet<CallState> = new Set(['verify-identity', 'disclosure', 'purpose-and-balance', 'handle-answer', 'recap', 'close']);

/** Words that answer "am I speaking with …?" ("yes, it's me, what is this about?"): verification reads them first. */
const VERIFICATION_ANSWERS: ReadonlySet<Intent> = new Set(['identity-confirmed', 'affirm', 'deny', 'wrong-person', 'inform']);

/** What the call was waiting on: asked again after the answer. */
function statePrompt(ctx: TurnContext): string {
  const { language } = ctx;
  if (ctx.state === 'verify-identity') {
    // The question just asked is no answer: progress as it stood before it.
    const { asking } = verificationProgress({ ...ctx, state: 'greeting' });
    return asking ? PHRASES.askFactorAgain[language]({ kind: asking.kind }) : PHRASES.confirmName[language]({ fullName: ctx.debtor.fullName });
  }
  // The disclosure's own turn carries the mini-Miranda, said once is enough.
  if (ctx.state === 'disclosure') return PHRASES.goodTimeToTalk[language]();
  const asked = [...ctx.history].reverse().find((turn) => !turn.faqId && turn.intent !== 'unknown' && turn.nextState === ctx.state);
  return asked?.said ?? PHRASES.goodTimeToTalk[language]();
}

export function answerCollectionsFaq(ctx: TurnContext, heard: Understanding): ScriptStep<CallState> | undefined {
  if (!ctx.faq || !ANSWERING_STATES.has(ctx.state)) return undefined;
  // Terms said ("can I pay by card on Friday?") are the script's to act on; a shaky transcript is not a question heard.
  if (hasTerms(heard.entities) || heard.asrConfidence < ctx.escalation.minConfidence) return undefined;
  if (ctx.state === 'verify-identity' && VERIFICATION_ANSWERS.has(heard.intent)) return undefined;
  const match = matchFaq(ctx.utterance.text, ctx.language, ctx.faq);
  if (!match) return undefined;
  const { entry } = match;
  const answer = entry.afterVerification && !isVerifiedState(ctx.state) ? PHRASES.faqAfterVerifying[ctx.language]() : entry.answer;
  return { reply: joinSentences(ctx.language, [answer, statePrompt(ctx)]), nextState: ctx.state, intent: 'question', entities: NO_ENTITIES, faqId: entry.id };
}
