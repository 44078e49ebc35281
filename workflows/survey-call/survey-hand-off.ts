import type { Turn } from '../../src/surveys/conversation/conversation-types';
import { agentFinishedTwiml, callPhrase, noAgentTwiml, sayAndHangUpTwiml, transferTwiml, voiceStyle } from '../../src/voice/call-twiml';
import { voiceWebhookUrl } from '../../src/voice/voice-webhook-urls';
import { languageOf, type SurveyCall } from './survey-call-state';

// A survey caller who asks for a person, or is upset, is put through to the survey's agent number
// (with a whisper of the summary) or its agents' queue, as a collections caller is; with neither,
// the call ends politely. Either way the respondent workflow opens the follow-up task.

export function handOff(call: SurveyCall, turn: Turn, words: string): string {
  const { agentNumber, agentQueue } = call.setup.survey.voice;
  const language = languageOf(call);
  const style = voiceStyle(language, false);
  if (!agentNumber && !agentQueue) return sayAndHangUpTwiml(words, style);
  const base = call.setup.publicBaseUrl;
  call.summary = handOffSummary(call, turn);
  const target = agentNumber
    ? { kind: 'number' as const, number: agentNumber, whisperUrl: voiceWebhookUrl(base, 'whisper', { call: call.workflowId }) }
    : { kind: 'queue' as const, name: agentQueue!, waitUrl: voiceWebhookUrl(base, 'queue-wait', { call: call.workflowId, lang: language }) };
  call.handedOff = { to: agentNumber ? 'agent-number' : 'agent-queue', target: agentNumber ?? agentQueue!, agentAnswered: false };
  return transferTwiml(callPhrase('holding', language), style, target, voiceWebhookUrl(base, 'transfer', { call: call.workflowId }));
}

/** The <Dial> or <Enqueue> ended: the person talked with the caller, or nobody took the call. */
export function onTransferEnded(call: SurveyCall, status: string): string {
  const style = voiceStyle(languageOf(call), false);
  if (call.handedOff && status === 'completed') call.handedOff.agentAnswered = true;
  return call.handedOff?.agentAnswered ? agentFinishedTwiml(style) : noAgentTwiml(style);
}

function handOffSummary(call: SurveyCall, turn: Turn): string {
  const { survey } = call.setup;
  const why = turn.events.some((event) => event.type === 'angry') ? 'upset' : 'asked for a person';
  const answered = [...call.input.respondent.answers, ...call.result.recorded]
    .filter((answer) => answer.part === 'answer' && answer.value !== null)
    .map((answer) => `${answer.questionId}=${JSON.stringify(answer.value)}`);
  const who = call.input.respondent.firstName ?? 'the respondent';
  return `Parley survey hand-off: ${who}, ${survey.name}. Reason: ${why}. Answers: ${answered.join(', ') || 'none yet'}.`;
}
