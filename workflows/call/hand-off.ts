import { isVerifiedState } from '../../src/dialog/call-states';
import type { TurnContext, Utterance } from '../../src/dialog/turn-context';
import type { TurnDecision } from '../../src/dialog/turn-schema';
import { agentFinishedTwiml, callPhrase, noAgentTwiml, transferTwiml, type Prompt } from '../../src/voice/call-twiml';
import { calls } from './call-activities';
import { callRecordKey, webhookUrl, type Call } from './call-state';
import type { CallResult } from './call.messages';
import { prompt } from './speech';
import { storeTurns } from './turn-records';

// Escalation: the caller is handed to the campaign's agent number or agents' queue (or, with
// neither, offered a call back), with a summary the agent hears first and a human task.

export async function handOff(call: Call, decision: TurnDecision, reply: Prompt, heard: Utterance): Promise<string> {
  const agent = call.setup.agent;
  const reason = escalationLabel(call.ctx, decision, heard);
  const summary = handOffSummary(call, reason);
  const taskId = `${call.workflowId}/hand-off`;
  call.escalation = { reason, ...handedTo(agent), agentAnswered: false, summary, taskId };
  // The summary is stored the moment the caller is handed over, with the turns so far, and a
  // human task with the transcript is posted for the agent who takes the call (or calls back).
  storeTurns(call);
  call.writes.push(calls.saveCall({ ...callRecordKey(call), callSid: call.callSid, escalationSummary: summary, ended: false }));
  call.writes.push(
    calls.openHumanTask({
      taskId,
      workflowId: call.input.debtorWorkflowId,
      campaignId: call.input.campaignId,
      reason: 'call-transfer',
      summary,
      callWorkflowId: call.workflowId,
      transcript: call.ctx.history.map((turn) => ({ heard: turn.heard, said: turn.said })),
    }),
  );
  if (agent === null) return noAgentTwiml(call.style, reply, await prompt(call, callPhrase('noAgent', call.style.language)));
  const target =
    agent.kind === 'number' ? { ...agent, whisperUrl: webhookUrl(call, 'whisper', {}) } : { ...agent, waitUrl: webhookUrl(call, 'queue-wait', { lang: call.setup.language }) };
  return transferTwiml(reply, call.style, target, webhookUrl(call, 'transfer', {}));
}

/** The <Dial> or <Enqueue> ended: the agent talked with the caller, or nobody took the call. */
export async function onTransferEnded(call: Call, status: string): Promise<string> {
  const { escalation, style } = call;
  if (escalation && status === 'completed') escalation.agentAnswered = true;
  return escalation?.agentAnswered
    ? agentFinishedTwiml(style, await prompt(call, callPhrase('agentDone', style.language)))
    : noAgentTwiml(style, undefined, await prompt(call, callPhrase('noAgent', style.language)));
}

function handedTo(agent: Call['setup']['agent']): Pick<NonNullable<CallResult['escalated']>, 'to' | 'target'> {
  if (agent === null) return { to: 'none', target: undefined };
  return agent.kind === 'number' ? { to: 'agent-number', target: agent.number } : { to: 'agent-queue', target: agent.name };
}

/**
 * Why the call goes to a person, for the agent's whisper and the task: what the caller wanted
 * when that is known, else the trigger read from the turn itself: the recogniser unsure of the
 * words (hard to hear), the words angry (upset), or clear words that fit nothing (not understood).
 */
function escalationLabel(ctx: TurnContext, decision: TurnDecision, heard: Utterance): string {
  if (decision.intent !== 'unknown') return decision.intent;
  if (heard.asrConfidence < ctx.escalation.minConfidence) return 'hard-to-hear';
  if (decision.sentiment < ctx.escalation.minSentiment) return 'upset';
  return 'not-understood';
}

function handOffSummary(call: Call, reason: string): string {
  const { history } = call.ctx;
  const { debtor } = call.input;
  const verified = history.some((t) => isVerifiedState(t.nextState));
  const who = verified ? `${debtor.fullName}, identity verified` : 'caller not verified';
  const lastHeard = [...history].reverse().find((t) => t.heard !== '')?.heard ?? '';
  return `Parley hand-off: ${who}. Reason: ${reason}. Account ${debtor.accountRef}. Last words: "${lastHeard.slice(0, 160)}".`;
}
