// What the Live page is told, as small facts the API process learns while it answers webhooks:
// a call's progress and its lines, texts, hand-offs. Each is stamped by the hub (seq) and carries
// the moment its webhook arrived (at, epoch ms), from which the page counts durations and waits.

/** Who is on a call, as far as its webhooks say: the account (from the call's workflow id) and the number dialled. */
export interface LiveWho {
  campaignId?: string;
  surveyId?: string;
  /** The debtor's account or the respondent's reference. */
  ref?: string;
  /** E.164; masked for auditors. */
  phone?: string;
}

/** The part of the conversation a call is in, named as a collections team names it. */
export type LiveStage = 'ringing' | 'greeting' | 'verification' | 'disclosure' | 'negotiation' | 'recap' | 'closing' | 'hand-off' | 'ended' | 'in conversation';

export type HandOffStatus = 'ringing' | 'queued' | 'answered' | 'ended';

export type LiveFact =
  | { kind: 'call-started'; call: string; who: LiveWho }
  | { kind: 'call-answered'; call: string; answeredBy?: string }
  /**
   * A line: the caller's answer to turn `turn`, or what the service said answering it (0: the
   * pick-up). Twilio repeats a webhook it timed out on; the number lets the page show a line once.
   */
  | { kind: 'turn'; call: string; speaker: 'caller' | 'service'; text: string; turn: number }
  | { kind: 'stage'; call: string; stage: LiveStage }
  | { kind: 'call-ended'; call: string; status: string }
  | { kind: 'text'; direction: 'received' | 'sent'; person: string; status: string; body?: string }
  | { kind: 'hand-off'; call: string; status: HandOffStatus; waitSeconds?: number; outcome?: string };

/** A fact as the hub sends it: numbered in the order published, and when its webhook arrived. */
export type LiveEvent = LiveFact & { seq: number; at: number };
