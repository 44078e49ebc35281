import type { AnswerRecord, ConversationEvent, EndReason, Respondent } from '../../src/surveys/conversation/conversation-types';
import type { PlacedCall } from '../call/call.messages';

// The survey call workflow's contract with the respondent workflow that starts it. Twilio's voice
// webhooks reach it as the call workflow's do (callWebhookUpdate in workflows/call/call.messages.ts).

export interface SurveyCallInput {
  attemptKey: string;
  respondentWorkflowId: string;
  surveyId: string;
  surveyVersion: number;
  stepId: string;
  /** E.164. */
  phone: string;
  /** The respondent as the conversation engine sees them, with every answer recorded before this call. */
  respondent: Respondent;
  /** The rate-limited voice task queue placeCall runs on. */
  voiceQueue: string;
  /** The respondent's arms in the survey's script experiments: the call is worded as they say. */
  experimentArms?: Record<string, string>;
}

export interface SurveyCallResult {
  status: PlacedCall['status'];
  callSid?: string;
  answeredBy: 'human' | 'machine' | 'nobody';
  /** The answers given on this call, in order, each with when it was given, for the respondent workflow to store. */
  recorded: Array<AnswerRecord & { answeredAt: number }>;
  /** What the conversation said to act on (consent, completion, detractor, opt-out, a person wanted). */
  events: ConversationEvent[];
  /**
   * Who read each answer the LLM was asked about: the LLM, or the rules when it could not or its
   * reading failed the check. Absent from calls made before survey answers were read by an LLM.
   */
  readings?: Array<{ questionId: string; engine: 'llm' | 'rules-fallback'; violations: string[] }>;
  /** The caller asked for a person (or was upset) and was put through to the survey's agent number or queue. */
  handedOff?: { to: 'agent-number' | 'agent-queue'; target: string; agentAnswered: boolean };
  /** How the conversation ended; unset when the respondent hung up (or nobody answered) before it did. */
  ended?: EndReason;
  turns: number;
  durationSeconds: number;
}
