import type { SurveyCallPrepared } from '../../activities/survey.activities';
import type { ConversationState } from '../../src/surveys/conversation/conversation-types';
import type { Language } from '../../src/dialog/language';
import type { SurveyCallInput, SurveyCallResult } from './survey-call.messages';

/** One survey call, shared by its parts (the conversation, the hand-off): what it was set up with and what it has learnt. */
export interface SurveyCall {
  readonly input: SurveyCallInput;
  readonly workflowId: string;
  readonly setup: SurveyCallPrepared;
  conversation?: ConversationState;
  answeredBy: SurveyCallResult['answeredBy'];
  callSid?: string;
  finished: boolean;
  asked: number;
  /** Each turn's TwiML by turn number (0: the pick-up). */
  readonly answers: Map<number, string>;
  /** When the last question was put, for the time each answer took. */
  promptedAt: number;
  readonly result: Pick<SurveyCallResult, 'recorded' | 'events'> & Required<Pick<SurveyCallResult, 'readings'>>;
  /** The caller was put through to a person. */
  handedOff?: NonNullable<SurveyCallResult['handedOff']>;
  /** What the caller said last (redacted), for the route to read a number said over two turns. */
  lastHeard?: string;
  /** What the person hears before the caller is connected. */
  summary?: string;
}

/** The language the call speaks: the conversation's, the survey's first before it starts. */
export function languageOf(call: SurveyCall): Language {
  const language = call.conversation?.language ?? call.setup.survey.languages[0];
  return language === 'zh-CN' ? 'zh-CN' : 'en';
}
