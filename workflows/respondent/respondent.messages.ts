import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { OutreachState, PauseSource } from '../outreach/outreach-state';
import type { Acting } from '../outreach/outreach.messages';
import type { AnswerRecord, ConversationState } from '../../src/surveys/conversation/conversation-types';

export { campaignUpdatedSignal, inboundSmsSignal, smsDeliveryStatusSignal, type InboundSms } from '../outreach/outreach.messages';

// The survey respondent workflow's contract with the outside world: its input, the events it
// reacts to, the operator actions it accepts, and the state it shows. The gateway and the
// workflow both import this file.

export interface RespondentProfile {
  respondentRef: string;
  /** E.164. */
  phone: string;
  /** IANA zone: windows and relative dates ("yesterday") are reasoned about here. */
  timeZone: string;
  language: string;
  firstName?: string;
  /** The import columns the survey declares as hidden fields, as text. */
  hidden: Record<string, string>;
  /** Prior express consent to calls with an artificial (TTS/AI) voice, as imported. */
  artificialVoiceConsent: boolean;
}

export interface RespondentWorkflowInput {
  surveyId: string;
  /** The survey version the respondent starts under; later versions arrive by signal. */
  surveyVersion: number;
  respondent: RespondentProfile;
  /** Rate-limited task queues for outbound contact (see src/temporal/worker.ts). */
  queues: { sms: string; voice: string };
  continueAsNewAfterEvents?: number;
  carried?: RespondentState;
}

/** not-reached: never agreed to start; incomplete: started, then the cadence ran out before the last question. */
export const respondentOutcomes = ['completed', 'declined', 'opted-out', 'handed-off', 'not-reached', 'incomplete', 'closed'] as const;
export type RespondentOutcome = (typeof respondentOutcomes)[number];

export type RespondentStatus = 'invited' | 'contacting' | 'in-progress' | 'paused' | 'cooling-down' | RespondentOutcome;

export interface RespondentState extends OutreachState {
  status: RespondentStatus;
  outcome?: RespondentOutcome;
  /** Every answer recorded, in every contact: a later contact resumes at the first question without one. */
  answers: AnswerRecord[];
  /** The conversation by text now under way, if any. */
  conversation?: ConversationState;
  /** When the last text of the conversation was sent: silence after it earns one reminder. */
  awaitingSince?: number;
  remindersSent: number;
  invitedAt?: number;
  consentedAt?: number;
  completedAt?: number;
  sessions: Array<{ channel: 'sms' | 'voice'; startedAt: number }>;
  /** Why the respondent needs a follow-up, noted mid-conversation; the task opens when the conversation ends, with all it said. */
  followUpDue?: string;
  /** The human follow-up task a detractor or a request for a person opened, while it is open. */
  followUp?: { taskId: string; reason: string; openedAt: number };
  /** Texts received, by Twilio message sid, so a webhook delivered twice is read once. */
  repliesSeen: string[];
}

export interface RespondentView extends Omit<RespondentState, 'auditSeq' | 'repliesSeen' | 'conversation'> {
  workflowId: string;
  surveyId: string;
  respondentRef: string;
}

export interface FollowUpResolution extends Acting {
  taskId: string;
  /** What was done about the respondent's experience: closes the loop. */
  notes: string;
}

export const pauseRespondentUpdate = defineUpdate<RespondentView, [{ reason: string; by?: PauseSource } & Acting]>('pause');
export const resumeRespondentUpdate = defineUpdate<RespondentView, [{ by?: PauseSource } & Acting]>('resume');
export const resolveFollowUpUpdate = defineUpdate<RespondentView, [FollowUpResolution]>('resolveHumanTask');

export const respondentStateQuery = defineQuery<RespondentView>('respondentState');
