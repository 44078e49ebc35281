import { ActivityFailure, allHandlersFinished, condition, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { respond, startConversation } from '../../src/surveys/conversation/conversation';
import type { ConversationInput, Turn } from '../../src/surveys/conversation/conversation-types';
import { MIN_ASR_CONFIDENCE } from '../../src/surveys/answer-parsing';
import type { ParsedAnswer } from '../../src/surveys/question-types';
import { gatherTwiml, hangUpTwiml, sayAndHangUpTwiml, voiceStyle } from '../../src/voice/call-twiml';
import { voiceWebhookUrl } from '../../src/voice/voice-webhook-urls';
import { callSummaryQuery, callWebhookUpdate, lastHeardQuery, type CallWebhookEvent, type PlacedCall } from '../call/call.messages';
import { placeOutboundCall } from '../call/place-call';
import type { SurveyCallInput, SurveyCallResult } from './survey-call.messages';
import { languageOf, type SurveyCall } from './survey-call-state';
import { handOff, onTransferEnded } from './survey-hand-off';

// One call of a respondent's cadence that conducts the survey by voice: the same conversation
// engine as the texts, one question per turn, spoken words or keypad digits as the answer. Each
// webhook is an Update whose result is the TwiML Twilio runs next; a repeated webhook gets the
// first answer's TwiML again. The answers go back to the respondent workflow, which stores them.

const prep = proxyActivities<Activities>({ startToCloseTimeout: '15 seconds', retry: { maximumInterval: '10 seconds', maximumAttempts: 10 } });

/** A reading is worth one try: on a live call the rules read the answer at once instead. */
function llmReadings(timeoutMs: number) {
  return proxyActivities<Activities>({ startToCloseTimeout: timeoutMs, retry: { maximumAttempts: 1 } });
}

/** A call going round in circles ends politely, well inside the 2,000 Updates a workflow takes. */
const maxTurns = 60;

export async function surveyCallWorkflow(input: SurveyCallInput): Promise<SurveyCallResult> {
  const { experimentArms } = input;
  const setup = await prep.prepareSurveyCall({ surveyId: input.surveyId, version: input.surveyVersion, ...(experimentArms ? { experimentArms } : {}) });
  const call: SurveyCall = {
    input,
    workflowId: workflowInfo().workflowId,
    setup,
    answeredBy: 'nobody',
    finished: false,
    asked: 0,
    answers: new Map(),
    promptedAt: Date.now(),
    result: { recorded: [], events: [], readings: [] },
  };
  setHandler(callWebhookUpdate, (event) => onWebhook(call, event), { validator: (event) => acceptWebhook(call, event) });
  setHandler(callSummaryQuery, () => call.summary ?? '');
  setHandler(lastHeardQuery, () => call.lastHeard ?? '');

  const placed = await placeOutboundCall(input.voiceQueue, {
    attemptKey: input.attemptKey,
    callWorkflowId: call.workflowId,
    debtorWorkflowId: input.respondentWorkflowId,
    campaignId: input.surveyId,
    campaignVersion: input.surveyVersion,
    stepId: input.stepId,
    to: input.phone,
  });
  call.finished = true;
  await condition(allHandlersFinished);
  return outcome(call, placed);
}

function outcome(call: SurveyCall, placed: PlacedCall | undefined): SurveyCallResult {
  const step = call.conversation?.step;
  return {
    status: placed?.status ?? 'failed',
    ...(placed?.callSid ?? call.callSid ? { callSid: placed?.callSid ?? call.callSid } : {}),
    answeredBy: call.answeredBy,
    ...call.result,
    ...(step?.at === 'ended' ? { ended: step.reason } : {}),
    ...(call.handedOff ? { handedOff: call.handedOff } : {}),
    turns: call.asked,
    durationSeconds: placed?.durationSeconds ?? 0,
  };
}

async function onWebhook(call: SurveyCall, event: CallWebhookEvent): Promise<string> {
  call.callSid ??= event.callSid;
  const turn = event.kind === 'answered' ? 0 : event.kind === 'dial-ended' ? -1 : event.turn;
  const earlier = call.answers.get(turn);
  if (earlier !== undefined) return earlier;
  const twiml = await answer(call, event);
  call.answers.set(turn, twiml);
  return twiml;
}

/** The pick-up opens the conversation (a machine is hung up on: a survey leaves no message); each answer is a turn. */
async function answer(call: SurveyCall, event: CallWebhookEvent): Promise<string> {
  const { survey } = call.setup;
  if (event.kind === 'dial-ended') return onTransferEnded(call, event.dialStatus);
  if (event.kind === 'answered') {
    if (event.answeredBy?.startsWith('machine') || event.answeredBy === 'fax') {
      call.answeredBy = 'machine';
      return hangUpTwiml();
    }
    call.answeredBy = 'human';
    return speak(call, startConversation(survey, call.input.respondent, 'voice'));
  }
  const now = Date.now();
  const heard = event.kind === 'heard' ? { text: event.text, asrConfidence: event.confidence } : { text: '', asrConfidence: 0 };
  call.lastHeard = heard.text;
  const input: ConversationInput = { ...heard, ...(event.digits ? { digits: event.digits } : {}), now, elapsedMs: now - call.promptedAt };
  const reading = event.digits ? undefined : await llmReading(call, heard);
  return speak(call, respond(call.conversation!, { ...input, ...(reading ? { reading } : {}) }, survey));
}

/**
 * With an LLM configured, the answer to a question is read by it first; a reading it could not
 * give, or that failed the check, leaves the answer to the rules. Words heard too unsurely, and
 * free text (taken as said), are the rules' alone.
 */
async function llmReading(call: SurveyCall, heard: { text: string; asrConfidence: number }): Promise<ParsedAnswer | undefined> {
  const { setup, conversation } = call;
  const step = conversation?.step;
  if (setup.engine !== 'llm' || step?.at !== 'question' || heard.text.trim() === '' || heard.asrConfidence < MIN_ASR_CONFIDENCE) return undefined;
  const question = setup.survey.questions.find((candidate) => candidate.id === step.questionId);
  if (!question || question.type === 'free-text') return undefined;
  try {
    const read = await llmReadings(setup.llmTimeoutMs).readSurveyAnswer({ question, language: conversation!.language, utterance: heard.text });
    call.result.readings.push({ questionId: question.id, engine: read.reading ? 'llm' : 'rules-fallback', violations: read.violations });
    return read.reading;
  } catch (err) {
    if (!(err instanceof ActivityFailure)) throw err;
    call.result.readings.push({ questionId: question.id, engine: 'rules-fallback', violations: ['llm-unavailable'] });
    return undefined;
  }
}

/** Keeps what the turn recorded and says its words: a question is gathered, the end is said and hung up. */
function speak(call: SurveyCall, turn: Turn): string {
  call.conversation = turn.state;
  call.result.recorded.push(...turn.recorded.map((answer) => ({ ...answer, answeredAt: Date.now() })));
  call.result.events.push(...turn.events);
  const language = languageOf(call);
  const words = turn.say.map((prompt) => prompt.text).join(' ');
  const keypad = turn.say.some((prompt) => prompt.keypadDigits !== undefined);
  const style = voiceStyle(language, keypad);
  const { step } = turn.state;
  if (step.at === 'ended' && step.reason === 'handed-off') return handOff(call, turn, words);
  if (step.at === 'ended' || call.asked >= maxTurns) return sayAndHangUpTwiml(words, style);
  call.promptedAt = Date.now();
  const query = { call: call.workflowId, turn: ++call.asked, lang: language };
  return gatherTwiml(words, style, voiceWebhookUrl(call.setup.publicBaseUrl, 'gather', query));
}

/** Refuses, before it reaches history, a webhook for a call that has ended or a turn never asked. */
function acceptWebhook(call: SurveyCall, event: CallWebhookEvent): void {
  if (call.finished) throw new Error('the call has ended');
  if ((event.kind === 'heard' || event.kind === 'recorded') && (event.turn < 1 || event.turn > call.asked)) throw new Error(`turn ${event.turn} was never asked`);
  if (event.kind === 'dial-ended' && !call.handedOff) throw new Error('the call was never handed to a person');
}
