import { CALL_TRANSITIONS, isVerifiedState } from '../dialog/call-states';
import { localToday } from '../dialog/calendar';
import { requiredDisclosure, type TurnContext } from '../dialog/turn-context';
import { verificationFactors, verificationProgress, type VerificationProgress } from '../dialog/verification';
import { redactSensitive } from '../policy/redaction';

/**
 * The chat messages for one LLM turn. No secrets the code can check itself go to the model: the
 * verification answers (birth year, ZIP code, reference digits) stay here, code reads the caller's
 * answer, and the model is told only what to ask next; the turn policy refuses any turn that goes
 * past verification before code has verified the caller. Every caller and agent text is redacted (card, ID, account numbers).
 * The clock enters only as the local date, so identical turns on one day make identical prompts.
 */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** Where verification stands, as an instruction: code has read the answer, the model only asks. */
function verificationFact(ctx: TurnContext, progress: VerificationProgress): string {
  const kinds = verificationFactors(ctx).map((factor) => factor.kind);
  const order = `Verification: the name${kinds.map((kind) => `, then their ${kind}`).join('')}.`;
  if (ctx.state !== 'verify-identity') return order;
  if (progress.status === 'verified') return `${order} The caller's latest answer MATCHES our records: they are verified.`;
  if (progress.status === 'failed') return `${order} Verification FAILED: say you cannot go on without it, ask them to call ${ctx.collector.callbackNumber}, and end the call.`;
  const readings = { match: ' Their latest answer matched that question.', mismatch: ' Their latest answer does not match our records.', several: ' Their latest answer gave several values: ask for exactly one.', none: '' };
  const latest = progress.latest ? readings[progress.latest] : '';
  const next = progress.asking ? ` Ask for their ${progress.asking.kind} (${progress.triesLeft} tries left).` : ' Confirm their name.';
  return `${order}${latest}${next} The caller is not verified.`;
}

export function llmTurnMessages(ctx: TurnContext): ChatMessage[] {
  const progress = verificationProgress(ctx);
  const verified = isVerifiedState(ctx.state) || progress.status === 'verified';
  const facts = [
    `You are ${ctx.collector.agentName}, a phone agent. Language: ${ctx.language}. Strategy: ${ctx.strategy}.`,
    `You are calling ${ctx.debtor.fullName}. Current call state: ${ctx.state}. Allowed next states: ${CALL_TRANSITIONS[ctx.state].join(', ')}.`,
    'Order: greeting -> verify-identity -> disclosure -> purpose-and-balance -> handle-answer -> recap -> close.',
    'Before the person is verified, say nothing about a debt, an amount, a company or a creditor.',
    verificationFact(ctx, progress),
    `Required disclosure, word for word, once verified: "${requiredDisclosure(ctx)}"`,
    `Today is ${localToday(ctx.now, ctx.timeZone)} in the caller's zone.`,
    'Never threaten, never offer terms outside the limits, end the call at once if asked to stop calling.',
    'Answer with the JSON object of the schema only. amountMinor is in minor units (cents).',
  ];
  if (verified) {
    facts.push(
      `Company: ${ctx.collector.companyName}. Creditor: ${ctx.account.creditorName}.`,
      `Balance: ${ctx.account.amountDueMinor} minor units of ${ctx.account.currency}, due ${ctx.account.dueDate}.`,
      `Limits: at most ${ctx.offers.maxInstalments} monthly instalments of at least ${ctx.offers.minInstalmentAmountMinor}; promised dates at most ${ctx.offers.maxDaysOut} days out.`,
      `Callback number: ${ctx.collector.callbackNumber}.`,
    );
    // An experiment's arm leads with one offer: the model must not blur the arms' difference.
    if (ctx.leadOffer) facts.push(`After the balance, offer ${ctx.leadOffer === 'plan' ? 'the instalment plan' : 'the payment link'} first.`);
  }
  if (ctx.paidDuringCallMinor) facts.push(`The payment provider confirms the caller paid ${ctx.paidDuringCallMinor} minor units during this call.`);
  const messages: ChatMessage[] = [{ role: 'system', content: facts.join('\n') }];
  for (const turn of ctx.history) {
    if (turn.heard) messages.push({ role: 'user', content: redactSensitive(turn.heard) });
    messages.push({ role: 'assistant', content: redactSensitive(turn.said) });
  }
  const digits = ctx.utterance.digits ? ` [keys: ${redactSensitive(ctx.utterance.digits)}]` : '';
  messages.push({ role: 'user', content: `${redactSensitive(ctx.utterance.text) || '(silence)'}${digits} [asr confidence ${ctx.utterance.asrConfidence.toFixed(2)}]` });
  return messages;
}
