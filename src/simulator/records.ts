/** What the simulator records: the resources Twilio would hold, plus what each person heard and did. */

export type MessageStatus = 'queued' | 'sent' | 'delivered' | 'undelivered' | 'failed' | 'received';
export type MessageDirection = 'inbound' | 'outbound-api' | 'outbound-reply';

export interface MessageRecord {
  sid: string;
  accountSid: string;
  from: string;
  to: string;
  body: string;
  direction: MessageDirection;
  status: MessageStatus;
  numSegments: number;
  errorCode: number | null;
  errorMessage: string | null;
  price: string | null;
  dateCreated: Date;
  dateUpdated: Date;
  dateSent: Date | null;
}

export type CallStatus =
  | 'queued'
  | 'initiated'
  | 'ringing'
  | 'in-progress'
  | 'completed'
  | 'busy'
  | 'no-answer'
  | 'failed'
  | 'canceled';

export const TERMINAL_CALL_STATUSES: ReadonlySet<CallStatus> = new Set([
  'completed',
  'busy',
  'no-answer',
  'failed',
  'canceled',
]);

/** The values Twilio's answering machine detection reports. */
export const ANSWERED_BY = [
  'human',
  'machine_start',
  'machine_end_beep',
  'machine_end_silence',
  'machine_end_other',
  'fax',
  'unknown',
] as const;
export type AnsweredBy = (typeof ANSWERED_BY)[number];

export type CallDirection = 'outbound-api' | 'inbound';

export type HangupCause =
  | 'service'
  | 'person'
  | 'end-of-document'
  | 'api'
  | 'application-error'
  | 'time-limit'
  | 'simulator-closed';

/** One line of a call's turn-by-turn transcript; `elapsedSeconds` is simulated call time since dialing. */
export type TranscriptEntry = { at: string; elapsedSeconds: number } & (
  | { kind: 'status'; status: CallStatus }
  | {
      kind: 'twiml-fetch';
      url: string;
      method: 'GET' | 'POST';
      statusCode: number | null;
      durationMs: number;
      twiml: string | null;
      error: string | null;
    }
  | { kind: 'service-said'; text: string; language: string; voice: string }
  | {
      kind: 'service-played';
      url: string | null;
      digits: string | null;
      durationSeconds: number;
      /** The words a played WAV carries in its INFO comment: what the simulated person heard. */
      transcript: string | null;
    }
  /** Twilio skips a <Play> it cannot fetch (11200, 11205) or play (12300). */
  | { kind: 'play-failed'; url: string; code: number; reason: string }
  | { kind: 'pause'; seconds: number }
  | { kind: 'person-said'; text: string; confidence: number; language: string }
  | { kind: 'person-pressed'; digits: string }
  | { kind: 'no-input'; verb: 'Gather' | 'Record' }
  | { kind: 'machine-greeting'; text: string }
  | { kind: 'dial'; target: string; outcome: DialOutcome; talkSeconds: number }
  /** What a <Dial> target's whisper (<Number url>) said to the agent before the bridge. */
  | { kind: 'agent-heard'; target: string; text: string }
  | { kind: 'enqueue'; queue: string; result: 'bridged' | 'leave' | 'hangup' }
  /** What <Record> captured; the Recordings resource serves it (its media synthesized from `text`). */
  | { kind: 'recording'; recordingSid: string; durationSeconds: number; text: string; language: string }
  | { kind: 'hangup'; by: HangupCause }
  | { kind: 'application-error'; code: number; reason: string }
);

export type DialOutcome = 'completed' | 'busy' | 'no-answer' | 'failed';

export interface CallRecord {
  sid: string;
  accountSid: string;
  from: string;
  to: string;
  direction: CallDirection;
  status: CallStatus;
  answeredBy: AnsweredBy | null;
  dateCreated: Date;
  dateUpdated: Date;
  startTime: Date | null;
  endTime: Date | null;
  durationSeconds: number | null;
  price: string | null;
  /** Set when the call ended with a Twilio error (application error, failed dial-out...). */
  errorCode: number | null;
  transcript: TranscriptEntry[];
}

export interface WebhookAttempt {
  url: string;
  method: 'GET' | 'POST';
  purpose: string;
  attempt: number;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  callSid: string | null;
  messageSid: string | null;
}

export type LogLevel = 'info' | 'warn' | 'error';

export interface LogEntry {
  level: LogLevel;
  message: string;
  /** Twilio's error code when the entry is one Twilio's debugger would show. */
  code: number | null;
  callSid: string | null;
  messageSid: string | null;
}

/** Everything the simulator does, in order; `seq` is strictly increasing. */
export type SimulatorEvent = { seq: number; at: string } & (
  | { type: 'message'; message: Readonly<MessageRecord> }
  | { type: 'message-settled'; messageSid: string }
  | { type: 'call-status'; callSid: string; phone: string; status: CallStatus }
  | { type: 'call-transcript'; callSid: string; phone: string; entry: TranscriptEntry }
  | { type: 'call-settled'; callSid: string; phone: string; status: CallStatus }
  | { type: 'link-visited'; phone: string; url: string; statusCode: number | null; error: string | null }
  | { type: 'webhook'; attempt: WebhookAttempt }
  | { type: 'log'; entry: LogEntry }
);

/** Omit applied to each member of a union, so each keeps its own fields. */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export type SimulatorEventInput = DistributiveOmit<SimulatorEvent, 'seq' | 'at'>;
export type TranscriptEntryInput = DistributiveOmit<TranscriptEntry, 'at'>;
/** A transcript entry as a call writes it: time stamps are added for it. */
export type TranscriptNote = DistributiveOmit<TranscriptEntry, 'at' | 'elapsedSeconds'>;
