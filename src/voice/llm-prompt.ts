import { CALL_TRANSITIONS, isVerifiedState } from '../dialog/call-states';
import { localToday } from '../dialog/calendar';
import { requiredDisclosure, type TurnContext } from '../dialog/turn-context';
import { answersFactor, completesVerification, verificationFactor } from '../dialog/verification';
import { redactSensitive } from '../policy/redaction';

/**
 * The chat messages for one LLM turn. No secrets the code can check itself go to the model: the
 * verification answer (birth year, postal code) stays here and the model is told whether the
 * caller's answer matched. Every caller and agent text is redacted (card, ID, account numbers).
 * The clock enters only as the local date, so identical turns on one day make identical prompts.
 */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export function llmTurnMessages(ctx: TurnContext): ChatMessage[] {
  const verified = isVerifiedState(ctx.state);
  const factor = verificationFactor(ctx.debtor);
  const answerMatched = factor !== undefined && ctx.state === 'verify-identity' && answersFactor(factor, ctx.utterance);
  const facts = [
    `You are ${ctx.collector.agentName}, a phone agent. Language: ${ctx.language}. Strategy: ${ctx.strategy}.`,
    `You are calling ${ctx.debtor.fullName}. Current call state: ${ctx.state}. Allowed next states: ${CALL_TRANSITIONS[ctx.state].join(', ')}.`,
    'Order: greeting -> verify-identity -> disclosure -> purpose-and-balance -> handle-answer -> recap -> close.',
    'Before the person is verified, say nothing about a debt, an amount, a company or a creditor.',
    factor
      ? `Verification: the name, then their ${factor.kind}. ${ctx.state === 'verify-identity' ? `The caller's latest answer ${answerMatched ? 'MATCHES' : 'does not match'} our records.` : ''}`
      : 'Verification: the name alone.',
    `Required disclosure, word for word, once verified: "${requiredDisclosure(ctx)}"`,
    `Today is ${localToday(ctx.now, ctx.timeZone)} in the caller's zone.`,
    'Never threaten, never offer terms outside the limits, end the call at once if asked to stop calling.',
    'Answer with the JSON object of the schema only. amountMinor is in minor units (cents).',
  ];
  if (verified || completesVerification(ctx, 'identity-confirmed')) {
    facts.push(
      `Company: ${ctx.collector.companyName}. Creditor: ${ctx.account.creditorName}.`,
      `Balance: ${ctx.account.amountDueMinor} minor units of ${ctx.account.currency}, due ${ctx.account.dueDate}.`,
      `Limits: at most ${ctx.offers.maxInstalments} monthly instalments of at least ${ctx.offers.minInstalmentAmountMinor}; promised dates at most ${ctx.offers.maxDaysOut} days out.`,
      `Callback number: ${ctx.collector.callbackNumber}.`,
    );
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
