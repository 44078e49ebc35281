import { ActivityFailure } from '@temporalio/workflow';
import { listeningHints } from '../../src/dialog/listening-hints';
import { nextTurnContext, type TurnContext, type Utterance } from '../../src/dialog/turn-context';
import type { TurnDecision } from '../../src/dialog/turn-schema';
import { agentFinishedTwiml, callPhrase, gatherTwiml, recordTwiml, sayAndHangUpTwiml, type Prompt } from '../../src/voice/call-twiml';
import { dialog, llmTurns } from './call-activities';
import { webhookUrl, type Call } from './call-state';
import type { CallWebhookEvent } from './call.messages';
import { handOff } from './hand-off';
import { textPayLinkWhenAgreed, waitForPaymentAfterLink } from './pay-now';
import { listen, prompt } from './speech';
import { amendLastHeard, keepTurnRecord, type DecidedTurn } from './turn-records';

// The conversation: each answer the caller gives (a <Gather>'s words or keys, or a <Record>ing)
// is one turn of the dialog engine, whose reply is the TwiML Twilio runs next.

/** A call going round in circles ends politely, well inside the 2,000 Updates a workflow takes. */
const maxTurns = 40;

/** The caller's answer to a turn; a repeated webhook gets the first answer's TwiML again. */
export async function onAnswer(call: Call, event: Extract<CallWebhookEvent, { kind: 'heard' | 'recorded' }>): Promise<string> {
  const earlier = call.answers.get(event.turn);
  if (earlier !== undefined) return earlier;
  const arrivedAt = Date.now();
  if (event.kind === 'heard' && event.previousHeard !== undefined) amendLastHeard(call, event.previousHeard);
  const utterance: Utterance =
    event.kind === 'recorded'
      ? await listen(call, event)
      : { text: event.text, asrConfidence: event.confidence, ...(event.digits ? { digits: event.digits } : {}) };
  const twiml = await takeTurn(call, utterance, { arrivedAt, ...(event.kind === 'recorded' ? { listenMs: Date.now() - arrivedAt } : {}) });
  call.answers.set(event.turn, twiml);
  return twiml;
}

/**
 * One turn, timed by stage as the workflow sees time (it moves when an activity completes):
 * listen (own recogniser), decide (the engine's own measure), speak (own voice), total.
 */
export async function takeTurn(call: Call, utterance: Utterance, timing: { arrivedAt: number; listenMs?: number }): Promise<string> {
  await waitForPaymentAfterLink(call);
  const { paidMinor } = call.payNow;
  const turnCtx: TurnContext = { ...call.ctx, utterance, now: Date.now(), ...(paidMinor > 0 ? { paidDuringCallMinor: paidMinor } : {}) };
  const turn = await decide(call, turnCtx);
  const { decision } = turn;
  const decidedAt = Date.now();
  call.ctx = nextTurnContext(turnCtx, decision, { text: '', asrConfidence: 1 }, decidedAt);
  const reply = await prompt(call, decision.reply);
  call.intents.push(decision.intent);
  keepTurnRecord(call, turnCtx, utterance, turn, {
    ...(timing.listenMs !== undefined ? { listen: timing.listenMs } : {}),
    decide: turn.latencyMs,
    ...(call.ownVoice ? { speak: Date.now() - decidedAt } : {}),
    total: Date.now() - timing.arrivedAt,
  });
  textPayLinkWhenAgreed(call);
  return twimlFor(call, decision, reply, utterance);
}

/** The LLM's turn when one is configured and the turn policy accepts it; the rule engine's otherwise, and for an FAQ question. */
async function decide(call: Call, context: TurnContext): Promise<DecidedTurn> {
  const { setup, input } = call;
  if (setup.engine !== 'llm') {
    const { decision } = await dialog.decideTurn({ context });
    return { decision, engine: decision.faqId ? 'faq' : 'rules', violations: [], latencyMs: 0 };
  }
  let answer: { candidate: unknown; cached: boolean; latencyMs: number };
  try {
    answer = await llmTurns(setup.llmTimeoutMs).llmTurn({ campaignId: input.campaignId, context });
  } catch (err) {
    if (!(err instanceof ActivityFailure)) throw err;
    return { decision: (await dialog.decideTurn({ context })).decision, engine: 'rules-fallback', violations: ['llm-unavailable'], latencyMs: 0 };
  }
  const { decision, candidateAccepted, violations } = await dialog.decideTurn({ context, candidate: answer.candidate });
  // A refused answer is never spoken: the rule engine answered this turn instead. An FAQ question
  // was never put to the LLM (the llmTurn activity left it to the rule engine).
  const engine = decision.faqId ? 'faq' : candidateAccepted ? (answer.cached ? 'llm-cached' : 'llm') : 'rules-fallback';
  return { decision, engine, violations, latencyMs: answer.latencyMs };
}

async function twimlFor(call: Call, decision: TurnDecision, reply: Prompt, heard: Utterance): Promise<string> {
  const { style } = call;
  if (decision.nextState === 'ended') return sayAndHangUpTwiml(reply, style);
  if (decision.nextState === 'escalate') return handOff(call, decision, reply, heard);
  if (call.asked >= maxTurns) return agentFinishedTwiml(style, await prompt(call, callPhrase('agentDone', style.language)));
  const query = { turn: ++call.asked, lang: call.setup.language, stage: call.ctx.state };
  return call.ownVoice ? recordTwiml(reply, style, webhookUrl(call, 'record', query)) : gatherTwiml(reply, style, webhookUrl(call, 'gather', query), listeningHints(call.ctx));
}
