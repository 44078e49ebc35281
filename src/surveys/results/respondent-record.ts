import type { AnswerValue } from '../question-types';

// What the results read about one respondent: plain data, so that the survey store can produce it
// from whatever it keeps and the aggregation stays pure. Times are UTC epoch milliseconds.

export type SurveyChannel = 'sms' | 'voice';

/** One contact with the respondent: a call, or a text exchange (the invitation text is one). */
export interface ContactSession {
  channel: SurveyChannel;
  startedAt: number;
}

/** The respondent's reply to a question's probe ("what went wrong?"), as free text. */
export interface ProbeAnswer {
  /** Redacted as stored. */
  raw: string;
  ms: number;
  answeredAt: number;
}

/** One answer the conversation took for one question, in whichever session it came. */
export interface RespondentAnswer {
  questionId: string;
  /** The utterance or reply, redacted as stored. */
  raw: string;
  /**
   * The parsed answer; null when the question was asked and the respondent declined or did not
   * know, which skips an optional question: the results need the record to tell it from a
   * question never reached.
   */
  value: AnswerValue | null;
  confidence: number;
  /** Whether the respondent confirmed an ambiguous reading. */
  confirmed: boolean;
  channel: SurveyChannel;
  /** From the end of the question to the answer taken, re-asks included. */
  ms: number;
  reasks: number;
  answeredAt: number;
  probe?: ProbeAnswer;
}

export interface RespondentRecord {
  respondentId: string;
  surveyId: string;
  surveyVersion: number;
  language: string;
  /** Hidden fields from the import, as text. */
  hidden: Readonly<Record<string, string>>;
  invitedAt: number;
  /** When the respondent agreed to the introduction; absent when they never did (or answered straight away). */
  consentedAt?: number;
  sessions: readonly ContactSession[];
  /** Every answer taken, across all sessions, including re-answers of the same question. */
  answers: readonly RespondentAnswer[];
}
