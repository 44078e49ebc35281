import { localToday } from './calendar';
import { callStateMachine, type CallState } from './call-states';
import { answerCollectionsFaq } from './collections-faq';
import { collectionsHandoff } from './collections-handoff';
import { PHRASES, joinSentences } from './collections-phrases';
import type { DialogScript, ScriptStep } from './dialog-script';
import { mergeEntities } from './entities';
import { latestPromiseDate, maxFeasibleInstalments, splitIntoInstalments } from './offer-limits';
import { formatDate, formatMoney } from './speech-format';
import { requiredDisclosure, type TurnContext } from './turn-context';
import { NO_ENTITIES, type Entities, type Intent } from './turn-schema';
import { understandUtterance, type Understanding } from './understanding';
import { verificationProgress, type VerificationProgress } from './verification';

/**
 * The collections call: what the agent says in each state and where the call goes next. The turn
 * loop (dialog-script.ts) has already handled opt-outs, escalations and misheard turns.
 */

type Step = ScriptStep<CallState>;

/** What the caller can agree to on this call; a decision's intent names the topic its terms belong to. */
const TOPICS = ['pay-now', 'promise-to-pay', 'plan-request', 'callback-request'] as const;

type Topic = (typeof TOPICS)[number];

interface Proposal {
  topic: Topic;
  entities: Entities;
}

function isTopic(intent: Intent): intent is Topic {
  return (TOPICS as readonly Intent[]).includes(intent);
}

function step(reply: string, nextState: CallState, intent: Intent, entities: Entities = NO_ENTITIES): Step {
  return { reply, nextState, intent, entities };
}

const money = (ctx: TurnContext, amountMinor: number): string => formatMoney(amountMinor, ctx.account.currency, ctx.language);
const date = (ctx: TurnContext, isoDate: string): string => formatDate(isoDate, ctx.language);
const caller = (ctx: TurnContext) => ({ agentName: ctx.collector.agentName, callbackNumber: ctx.collector.callbackNumber });

/** The last turn that was understood: a re-ask, a repeat or an FAQ answer in between does not drop the terms on the table. */
function lastUnderstoodTurn(ctx: TurnContext) {
  return [...ctx.history].reverse().find((turn) => turn.intent !== 'unknown' && turn.intent !== 'repeat' && !turn.faqId);
}

/** "Sorry, what?": the last reply again, and the call stays where it was; a third time in a row, a person takes over. */
function repeatStep(ctx: TurnContext, heard: Understanding): Step {
  const last = ctx.history.at(-1);
  const repeatedTwice = ctx.history.slice(-2).filter((turn) => turn.intent === 'repeat').length === 2;
  if (!last || repeatedTwice) return collectionsHandoff(ctx, heard, 'not-understood');
  return step(last.said, ctx.state, 'repeat', last.entities);
}

function planTerms(ctx: TurnContext, count: number) {
  const { firstMinor, regularMinor } = splitIntoInstalments(ctx.account.amountDueMinor, count);
  return { count, first: money(ctx, firstMinor), regular: money(ctx, regularMinor) };
}

function planEntities(ctx: TurnContext, count: number): Entities {
  return { ...NO_ENTITIES, instalments: count, amountMinor: splitIntoInstalments(ctx.account.amountDueMinor, count).regularMinor };
}

/**
 * What the call offers right after the balance: a self-service link, or the largest plan allowed.
 * The strategy decides, unless an experiment's arm leads with one of them.
 */
function strategyOffer(ctx: TurnContext): Proposal {
  const maxInstalments = maxFeasibleInstalments(ctx.account.amountDueMinor, ctx.offers);
  const lead = ctx.leadOffer ?? (ctx.strategy === 'consequences-and-plan' ? 'plan' : 'pay-now');
  if (lead === 'plan' && maxInstalments >= 2) {
    return { topic: 'plan-request', entities: planEntities(ctx, maxInstalments) };
  }
  return { topic: 'pay-now', entities: { ...NO_ENTITIES, amountMinor: ctx.account.amountDueMinor } };
}

/** The terms the agent last put to the caller, which a "yes" accepts. */
function openProposal(ctx: TurnContext): Proposal | undefined {
  const last = lastUnderstoodTurn(ctx);
  if (last?.nextState === 'purpose-and-balance') return strategyOffer(ctx);
  return last && isTopic(last.intent) ? { topic: last.intent, entities: last.entities } : undefined;
}

// ---------------------------------------------------------------- verification

function wrongPersonStep(ctx: TurnContext): Step {
  return step(PHRASES.wrongPerson[ctx.language]({ ...caller(ctx), fullName: ctx.debtor.fullName }), 'ended', 'wrong-person');
}

function verifiedStep(ctx: TurnContext, heard: Understanding): Step {
  const intro = {
    firstName: ctx.debtor.firstName,
    agentName: ctx.collector.agentName,
    companyName: ctx.collector.companyName,
    disclosure: requiredDisclosure(ctx),
  };
  // human-first: the disclosure is still owed on this, the initial contact, before the hand-off.
  if (ctx.strategy === 'human-first') return step(PHRASES.disclosureThenHandoff[ctx.language](intro), 'escalate', heard.intent);
  return step(PHRASES.disclosure[ctx.language](intro), 'disclosure', heard.intent);
}

/** The answer to a verification question, as code read it: a wrong or several-valued one is asked again while tries are left. */
function factorAnswerStep(ctx: TurnContext, progress: VerificationProgress): Step | undefined {
  const { asking, latest } = progress;
  if (progress.status === 'failed') return step(PHRASES.verificationFailed[ctx.language](caller(ctx)), 'ended', 'inform');
  if (!asking) return undefined;
  if (latest === 'several') return step(PHRASES.factorOneAnswer[ctx.language]({ kind: asking.kind }), 'verify-identity', 'inform');
  if (latest === 'mismatch') return step(PHRASES.factorRetry[ctx.language]({ kind: asking.kind }), 'verify-identity', 'inform');
  // The name, or the question before, was just answered: on to the next question.
  return latest === 'match' ? step(PHRASES.askFactor[ctx.language]({ kind: asking.kind }), 'verify-identity', 'inform') : undefined;
}

function verifyStep(ctx: TurnContext, heard: Understanding): Step {
  const progress = verificationProgress(ctx);
  if (progress.status === 'verified') return verifiedStep(ctx, heard);
  const answered = factorAnswerStep(ctx, progress);
  if (answered) return answered;
  const kind = progress.asking?.kind;
  const { fullName } = ctx.debtor;
  if (kind && (heard.intent === 'affirm' || heard.intent === 'identity-confirmed')) {
    return step(PHRASES.askFactor[ctx.language]({ kind }), 'verify-identity', heard.intent);
  }
  switch (heard.intent) {
    case 'deny':
      return kind ? step(PHRASES.verificationFailed[ctx.language](caller(ctx)), 'ended', 'deny') : wrongPersonStep(ctx);
    case 'question':
      return kind
        ? step(PHRASES.whyFactor[ctx.language]({ kind }), 'verify-identity', 'question')
        : step(PHRASES.whoIsCalling[ctx.language]({ agentName: ctx.collector.agentName, fullName }), 'verify-identity', 'question');
    case 'callback-request':
      return step(PHRASES.notNow[ctx.language](), 'ended', 'callback-request');
    case 'repeat':
      return repeatStep(ctx, heard);
    default:
      return kind
        ? step(PHRASES.whyFactor[ctx.language]({ kind }), 'verify-identity', heard.intent)
        : step(PHRASES.verifyFirst[ctx.language]({ fullName }), 'verify-identity', heard.intent);
  }
}

// ---------------------------------------------------------------- purpose and offers

function consequenceSentences(ctx: TurnContext): string[] {
  const said = [
    ...(ctx.consequences.includes('credit-reporting') ? [PHRASES.creditReporting[ctx.language]()] : []),
    ...(ctx.consequences.includes('late-fees') ? [PHRASES.lateFees[ctx.language]()] : []),
  ];
  // A lawsuit is never raised by the rule engine, even when permitted: that is a person's call to make.
  return said.length > 0 ? said : [PHRASES.staysOpen[ctx.language]()];
}

function purposeSentence(ctx: TurnContext): string {
  const { creditorName, amountDueMinor, dueDate } = ctx.account;
  const overdue = dueDate < localToday(ctx.now, ctx.timeZone);
  return PHRASES.purpose[ctx.language]({ creditorName, amount: money(ctx, amountDueMinor), dueDate: date(ctx, dueDate), overdue });
}

function purposeStep(ctx: TurnContext, intent: Intent): Step {
  const offer = strategyOffer(ctx);
  const offerSentence =
    offer.topic === 'plan-request'
      ? PHRASES.offerPlan[ctx.language](planTerms(ctx, offer.entities.instalments ?? 0))
      : PHRASES.offerLink[ctx.language]();
  const consequences = ctx.strategy === 'consequences-and-plan' ? consequenceSentences(ctx) : [];
  const reply = joinSentences(ctx.language, [purposeSentence(ctx), ...consequences, offerSentence]);
  return step(reply, 'purpose-and-balance', intent, offer.entities);
}

function menuSentence(ctx: TurnContext): string {
  const maxInstalments = maxFeasibleInstalments(ctx.account.amountDueMinor, ctx.offers);
  return PHRASES.menu[ctx.language]({ maxInstalments: maxInstalments >= 2 ? maxInstalments : undefined });
}

// ---------------------------------------------------------------- topics

function payNowStep(ctx: TurnContext, terms: Entities): Step {
  const balance = ctx.account.amountDueMinor;
  // No amount (or a nonsensical zero) means the whole balance; more than the balance is capped to it.
  const amountMinor = Math.min(terms.amountMinor || balance, balance);
  return step(PHRASES.recapPayNow[ctx.language]({ amount: money(ctx, amountMinor) }), 'recap', 'pay-now', { ...NO_ENTITIES, amountMinor });
}

function promiseStep(ctx: TurnContext, terms: Entities): Step {
  const amountMinor = terms.amountMinor ? Math.min(terms.amountMinor, ctx.account.amountDueMinor) : null;
  const promised = terms.date !== null && terms.date >= localToday(ctx.now, ctx.timeZone) ? terms.date : null;
  const latest = latestPromiseDate(ctx.now, ctx.timeZone, ctx.offers);
  const ask = (reply: string, isoDate: string | null) => step(reply, 'handle-answer', 'promise-to-pay', { ...NO_ENTITIES, amountMinor, date: isoDate });
  if (promised !== null && promised > latest) return ask(PHRASES.promiseTooLate[ctx.language]({ latest: date(ctx, latest) }), latest);
  if (promised === null && amountMinor === null) return ask(PHRASES.askDateAndAmount[ctx.language](), null);
  if (promised === null) return ask(PHRASES.askDate[ctx.language]({ amount: money(ctx, amountMinor ?? 0) }), null);
  if (amountMinor === null) return ask(PHRASES.askAmount[ctx.language]({ date: date(ctx, promised) }), promised);
  const reply = PHRASES.recapPromise[ctx.language]({ amount: money(ctx, amountMinor), date: date(ctx, promised) });
  return step(reply, 'recap', 'promise-to-pay', { ...NO_ENTITIES, amountMinor, date: promised });
}

/** The number of instalments asked for: a count, or a monthly amount ("$20 a month"), or the one on the table. */
function requestedInstalments(ctx: TurnContext, heard: Entities, proposal: Proposal | undefined): number | null {
  if (heard.instalments !== null) return heard.instalments;
  if (heard.amountMinor) return Math.ceil(ctx.account.amountDueMinor / heard.amountMinor);
  return proposal?.topic === 'plan-request' ? proposal.entities.instalments : null;
}

function planStep(ctx: TurnContext, heard: Entities, proposal: Proposal | undefined): Step {
  const maxInstalments = maxFeasibleInstalments(ctx.account.amountDueMinor, ctx.offers);
  if (maxInstalments < 2) return step(PHRASES.planUnavailable[ctx.language](), 'handle-answer', 'promise-to-pay');
  const requested = requestedInstalments(ctx, heard, proposal);
  const offer = (phrase: typeof PHRASES.offerPlan) =>
    step(phrase[ctx.language](planTerms(ctx, maxInstalments)), 'handle-answer', 'plan-request', planEntities(ctx, maxInstalments));
  if (requested === null) return offer(PHRASES.offerPlan);
  if (requested > maxInstalments) return offer(PHRASES.planCounter);
  if (requested < 2) return promiseStep(ctx, { ...NO_ENTITIES, amountMinor: ctx.account.amountDueMinor });
  return step(PHRASES.recapPlan[ctx.language](planTerms(ctx, requested)), 'recap', 'plan-request', planEntities(ctx, requested));
}

function callbackStep(ctx: TurnContext, callbackDate: string | null): Step {
  if (callbackDate !== null && callbackDate >= localToday(ctx.now, ctx.timeZone)) {
    const reply = PHRASES.callbackConfirmed[ctx.language]({ date: date(ctx, callbackDate) });
    return step(reply, 'ended', 'callback-request', { ...NO_ENTITIES, date: callbackDate });
  }
  // Asked once already and still no day: leave it to the campaign's next attempt.
  if (lastUnderstoodTurn(ctx)?.intent === 'callback-request') return step(PHRASES.notNow[ctx.language](), 'ended', 'callback-request');
  return step(PHRASES.askCallbackDay[ctx.language](), 'handle-answer', 'callback-request');
}

function topicStep(ctx: TurnContext, topic: Topic, heard: Entities, proposal: Proposal | undefined): Step {
  const terms = proposal?.topic === topic ? mergeEntities(proposal.entities, heard) : heard;
  switch (topic) {
    case 'pay-now':
      return payNowStep(ctx, terms);
    case 'promise-to-pay':
      return promiseStep(ctx, terms);
    case 'plan-request':
      return planStep(ctx, heard, proposal);
    case 'callback-request':
      return callbackStep(ctx, heard.date);
  }
}

/** What a bare date, amount or count is about, given what is on the table. */
function inferTopic(heard: Entities, proposal: Proposal | undefined): Topic | undefined {
  if (heard.instalments !== null) return 'plan-request';
  if (heard.date !== null) return proposal?.topic === 'callback-request' ? 'callback-request' : 'promise-to-pay';
  if (heard.amountMinor !== null) return proposal?.topic === 'pay-now' || proposal?.topic === 'plan-request' ? proposal.topic : 'promise-to-pay';
  return undefined;
}

function menuStep(ctx: TurnContext, intent: Intent): Step {
  return step(menuSentence(ctx), 'handle-answer', intent);
}

function answerStep(ctx: TurnContext, heard: Understanding): Step {
  const proposal = openProposal(ctx);
  if (isTopic(heard.intent)) return topicStep(ctx, heard.intent, heard.entities, proposal);
  // "I can't pay it all now, but I can pay $200 on the 15th": the offer outweighs the hardship.
  if (heard.intent === 'hardship' && heard.entities.date !== null && heard.entities.amountMinor !== null) {
    return topicStep(ctx, 'promise-to-pay', heard.entities, proposal);
  }
  switch (heard.intent) {
    case 'affirm':
      return proposal ? topicStep(ctx, proposal.topic, NO_ENTITIES, proposal) : menuStep(ctx, 'affirm');
    case 'inform': {
      const topic = inferTopic(heard.entities, proposal);
      return topic ? topicStep(ctx, topic, heard.entities, proposal) : menuStep(ctx, 'inform');
    }
    case 'deny':
      // Declined twice in a row: no pressure, leave the door open.
      return lastUnderstoodTurn(ctx)?.intent === 'deny'
        ? step(PHRASES.noAgreement[ctx.language](caller(ctx)), 'ended', 'deny')
        : menuStep(ctx, 'deny');
    case 'question':
      return step(joinSentences(ctx.language, [purposeSentence(ctx), menuSentence(ctx)]), 'handle-answer', 'question');
    default:
      return menuStep(ctx, heard.intent);
  }
}

// ---------------------------------------------------------------- per state

function disclosureStep(ctx: TurnContext, heard: Understanding): Step {
  // "Not now" to "is now a good time?" is a call-back request, not a refusal to pay.
  if (heard.intent === 'callback-request' || heard.intent === 'deny') return callbackStep(ctx, heard.entities.date);
  return purposeStep(ctx, heard.intent);
}

function recapStep(ctx: TurnContext, heard: Understanding): Step {
  const recapped = openProposal(ctx);
  // Asking again for exactly what was recapped ("yes, send me the link") confirms it.
  const repeatsRecap =
    recapped !== undefined &&
    heard.intent === recapped.topic &&
    (['amountMinor', 'date', 'instalments'] as const).every(
      (k) => heard.entities[k] === null || recapped.entities[k] === null || heard.entities[k] === recapped.entities[k],
    );
  if (recapped && (heard.intent === 'affirm' || repeatsRecap)) {
    const phrase = recapped.topic === 'pay-now' ? PHRASES.linkOnItsWay : PHRASES.noted;
    return step(phrase[ctx.language](), 'close', recapped.topic, recapped.entities);
  }
  if (recapped && heard.intent === 'deny') return step(PHRASES.askChange[ctx.language](), 'handle-answer', recapped.topic, recapped.entities);
  return answerStep(ctx, heard);
}

function closeStep(ctx: TurnContext, heard: Understanding): Step {
  // "Done, I've paid": the payment is confirmed only when the provider reported it.
  if (ctx.paidDuringCallMinor && heard.intent !== 'question') {
    return step(PHRASES.paidDuringCall[ctx.language]({ firstName: ctx.debtor.firstName, amount: money(ctx, ctx.paidDuringCallMinor) }), 'ended', heard.intent);
  }
  // "Yes, one more thing": open-ended questions are for a person.
  if (heard.intent === 'affirm' || heard.intent === 'question') return step(PHRASES.handoff[ctx.language](), 'escalate', heard.intent);
  return step(PHRASES.goodbye[ctx.language]({ firstName: ctx.debtor.firstName }), 'ended', heard.intent);
}

function respond(ctx: TurnContext, heard: Understanding): Step {
  if (heard.intent === 'wrong-person') return wrongPersonStep(ctx);
  // Verification reads every answer, a repeat included (verifyStep); a greeting has nothing to repeat.
  if (heard.intent === 'repeat' && ctx.state !== 'verify-identity' && ctx.state !== 'greeting') return repeatStep(ctx, heard);
  switch (ctx.state) {
    case 'greeting':
      return step(
        ctx.greeting ?? PHRASES.greeting[ctx.language]({ agentName: ctx.collector.agentName, fullName: ctx.debtor.fullName }),
        'verify-identity',
        heard.intent === 'unknown' ? 'greet' : heard.intent,
      );
    case 'verify-identity':
      return verifyStep(ctx, heard);
    case 'disclosure':
      return disclosureStep(ctx, heard);
    case 'purpose-and-balance':
    case 'handle-answer':
      return answerStep(ctx, heard);
    case 'recap':
      return recapStep(ctx, heard);
    case 'close':
      return closeStep(ctx, heard);
    case 'escalate':
    case 'ended':
      throw new Error(`no turn in terminal state '${ctx.state}'`);
  }
}

function reprompt(ctx: TurnContext): Step {
  switch (ctx.state) {
    case 'greeting':
    case 'verify-identity': {
      const progress = verificationProgress(ctx);
      if (progress.status === 'failed') return step(PHRASES.verificationFailed[ctx.language](caller(ctx)), 'ended', 'unknown');
      return progress.asking
        ? step(PHRASES.factorReprompt[ctx.language]({ kind: progress.asking.kind }), 'verify-identity', 'unknown')
        : step(PHRASES.reaskName[ctx.language]({ fullName: ctx.debtor.fullName }), 'verify-identity', 'unknown');
    }
    case 'disclosure':
      return step(PHRASES.disclosureReprompt[ctx.language](), 'disclosure', 'unknown');
    case 'purpose-and-balance':
    case 'handle-answer': {
      const plan = maxFeasibleInstalments(ctx.account.amountDueMinor, ctx.offers) >= 2;
      return step(PHRASES.keypadMenu[ctx.language]({ plan }), 'handle-answer', 'unknown');
    }
    case 'recap':
      return step(PHRASES.recapReprompt[ctx.language](), 'recap', 'unknown');
    case 'close':
      return step(PHRASES.goodbye[ctx.language]({ firstName: ctx.debtor.firstName }), 'ended', 'unknown');
    case 'escalate':
    case 'ended':
      throw new Error(`no turn in terminal state '${ctx.state}'`);
  }
}

export const collectionsScript: DialogScript<CallState, TurnContext> = {
  machine: callStateMachine,
  expectsAnswer: (state) => state !== 'greeting',
  understand: (ctx) => understandUtterance(ctx.utterance, { now: ctx.now, timeZone: ctx.timeZone, currency: ctx.account.currency }),
  answerFaq: answerCollectionsFaq,
  optOut: (ctx) => step(PHRASES.optOut[ctx.language](), 'ended', 'opt-out'),
  escalate: collectionsHandoff,
  reprompt,
  respond,
};
