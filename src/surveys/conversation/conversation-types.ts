import type { AnswerValue, ParsedAnswer } from '../question-types';

// The survey conversation's inputs and outputs, as plain data a workflow keeps in its state and
// stores: no functions, no classes, so every value survives a Temporal payload round trip.

export type Channel = 'sms' | 'voice';

export interface Respondent {
  /** The respondent's language tag from the import; the survey's first language when it has not this one. */
  language: string;
  firstName?: string;
  /** Import columns the survey declares as hidden fields, for {{hidden.order}} and hidden.order == 'web'. */
  hidden: Readonly<Record<string, string | number>>;
  /** Every answer recorded on earlier contacts: a question with one is not asked again. */
  answers: readonly AnswerRecord[];
  /** IANA zone for dates said as "yesterday"; UTC when unknown. */
  timeZone?: string;
}

/** One reply (SMS) or utterance (voice). */
export interface ConversationInput {
  text?: string;
  /** Keypad digits (voice), when the respondent pressed keys instead of speaking. */
  digits?: string;
  /** The recogniser's confidence in `text`, 0..1; voice only. */
  asrConfidence?: number;
  /** Time from the end of the prompt to this reply, for the time taken per question. */
  elapsedMs?: number;
  /** Epoch ms, for dates said relative to today; the workflow's clock. */
  now?: number;
  /**
   * A reading of the reply made elsewhere (the LLM's, already checked against the question), used
   * for the question being asked instead of the rules' own; interruptions are still the rules'.
   */
  reading?: ParsedAnswer;
}

/**
 * - answered: `value` holds the answer;
 * - dont-know, refused: the respondent said so (an optional question at once, a required one after one re-ask);
 * - not-understood: no answer could be taken within the question's re-asks, so the survey moved on.
 */
export type AnswerOutcome = 'answered' | 'dont-know' | 'refused' | 'not-understood';

/** What is stored per respondent and question: the results read these. */
export interface AnswerRecord {
  questionId: string;
  /** 'probe': the answer to the question's follow-up after a negative answer. */
  part: 'answer' | 'probe';
  outcome: AnswerOutcome;
  /** Null unless answered. Free text is redacted. */
  value: AnswerValue | null;
  /** Everything said to this question (the answer, then any confirmation), redacted, joined by ' / '. */
  utterance: string;
  /** The parser's confidence in the value; 0 when none was taken. */
  confidence: number;
  /** The respondent confirmed an answer that could not be taken as heard. */
  confirmed: boolean;
  /** Taken from what was said to an earlier question; not asked. */
  early: boolean;
  channel: Channel;
  language: string;
  /** Sum of the reply times of every turn on this question; null when none was given. */
  elapsedMs: number | null;
  /** How many times the question was asked again. */
  reasks: number;
}

/** One message (SMS) or one thing said (voice), in order. */
export interface Prompt {
  text: string;
  /** The conversation waits for a reply to this one (the last of a turn, unless it ended). */
  awaitsReply: boolean;
  /** Voice: the gather takes keypad digits too, up to this many (scale and choice questions). */
  keypadDigits?: number;
}

export type DetractorReason = 'nps' | 'rating' | 'complaint' | 'anger';

/**
 * What the workflow acts on besides the words and the answers:
 * - started: consent given (or a resumed contact): counts towards the response rate;
 * - declined / call-back-later: at the introduction; nothing else happens in this contact;
 * - opted-out: "stop calling me" said in the conversation (an SMS STOP keyword is the outreach core's);
 * - wants-person / angry: escalate as in collections; the conversation ends;
 * - detractor: open a human follow-up task, once per conversation;
 * - completed: every question that applies was settled and the closing said.
 */
export type ConversationEvent =
  | { type: 'started' | 'declined' | 'call-back-later' | 'opted-out' | 'wants-person' | 'angry' | 'completed' }
  | { type: 'detractor'; reason: DetractorReason; questionId?: string }
  | { type: 'probe-answered'; questionId: string };

export type EndReason = 'completed' | 'declined' | 'call-back-later' | 'opted-out' | 'handed-off';

/** What is known of the question being asked, across its turns. */
export interface QuestionProgress {
  questionId: string;
  reasks: number;
  /** A required question was declined once and asked again. */
  declinedOnce: boolean;
  /** Redacted utterances so far. */
  heard: readonly string[];
  elapsedMs: number | null;
}

export type Step =
  | { at: 'consent'; reasks: number }
  | ({ at: 'question' } & QuestionProgress)
  | ({ at: 'confirm'; candidates: readonly AnswerValue[]; confidence: number } & QuestionProgress)
  | { at: 'probe'; questionId: string }
  | { at: 'ended'; reason: EndReason };

/** An answer heard while another question was asked, taken when its question is reached. */
export interface EarlyAnswer {
  value: AnswerValue;
  confidence: number;
  utterance: string;
}

export interface ConversationState {
  surveyId: string;
  channel: Channel;
  /** The survey language the conversation is held in. */
  language: string;
  firstName?: string;
  hidden: Readonly<Record<string, string | number>>;
  timeZone?: string;
  /** Answers taken so far, by question id, for the logic. */
  answers: Readonly<Record<string, AnswerValue>>;
  /** Questions closed (answered, declined or given up on), in this contact or before. */
  settled: readonly string[];
  heardEarly: Readonly<Record<string, EarlyAnswer>>;
  step: Step;
  /** A detractor event was sent in this conversation. */
  detractorSent: boolean;
}

/** One turn's output: the new state, what to say or send, what to store, what to act on. */
export interface Turn {
  state: ConversationState;
  say: Prompt[];
  recorded: AnswerRecord[];
  events: ConversationEvent[];
}
