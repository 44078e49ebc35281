import type { PersonOfTimeline } from './timeline-records';

// One ordered account of everything done to a person and why: the entries a timeline answers with,
// in JSON as they are, and as text and a printable page (timeline-text.ts, timeline-html.ts).

/** A turn of a call: what was heard, what the dialog engine made of it and decided, what was said. */
export interface TimelineTurn {
  seq: number;
  heard: string;
  /** The caller keyed digits (their value is not shown: they may answer an identity check). */
  keyed?: boolean;
  intent: string;
  confidence: number;
  sentiment: number;
  /** The call's state, the state the engine moved it to, and which engine decided. */
  decision: string;
  said: string;
  violations?: string[];
}

export interface TimelineCall {
  callSid?: string;
  status?: string;
  answeredBy?: string;
  /** What the agent was told when the call was handed to a person. */
  escalationSummary?: string;
  turns: TimelineTurn[];
}

export interface TimelineEntry {
  /** Stable across pages: `audit:<eventKey>`, `text:<attemptKey>`, `answer:<answerKey>`. */
  id: string;
  /** When it happened, UTC (ISO 8601). */
  at: string;
  /** The same moment in the person's own zone (ISO 8601 with its offset). */
  localTime: string;
  /** The audit entry's type ('contact-attempt', 'contact-deferred', 'paused', ...), 'text-sent' or 'answer'. */
  kind: string;
  /** What happened, in a few words. */
  title: string;
  channel?: 'sms' | 'voice';
  from?: string;
  to?: string;
  outcome?: string;
  /** Why it happened then, or why it did not happen yet: the rule, in words. */
  why?: string;
  /** Who did it: an API key's name or a token's subject (operators, agents). */
  actor?: string;
  /** The campaign (or survey) version in force. */
  campaignVersion?: number;
  /** A text's words (redacted where stored; a payment link shown as [payment link]). */
  body?: string;
  call?: TimelineCall;
  /** The audit entry's own data, or the stored record's fields. */
  details: Record<string, unknown>;
}

export interface TimelineVersion {
  version: number;
  name: string;
  appliedAt: string;
  appliedBy?: string;
}

export interface Timeline {
  person: PersonOfTimeline;
  /** The campaign (or survey) versions the entries name. */
  campaignVersions: TimelineVersion[];
  /** In the order they happened, or newest first when asked so. */
  entries: TimelineEntry[];
  /** More entries follow: pass as `after` for the next page. */
  next?: string;
  /** Read newest first, more entries came before these: pass as `before` for the page of older ones. */
  older?: string;
  /** What could not be read (the workflow's history, say) and so is missing from the entries. */
  notes: string[];
}
