import type { HandOffStatus, LiveEvent, LiveStage, LiveWho } from './live-events';

// What the Live page shows, reduced from the hub's events: the service keeps one per API process
// (its snapshot for a page that connects), and the page applies the same events to it. Pure and
// bounded: a call keeps its last turns, texts their last minutes, and a call whose end never came
// (its status callback lost) leaves after a quiet while.

export interface LiveTurn {
  speaker: 'caller' | 'service';
  text: string;
  at: number;
}

export interface LiveCall {
  call: string;
  who: LiveWho;
  stage: LiveStage;
  startedAt: number;
  answeredAt?: number;
  endedAt?: number;
  /** Twilio's final status once ended. */
  status?: string;
  lastAt: number;
  turns: LiveTurn[];
  /** The last turn each side's line was shown for (see the turn event). */
  shownTurn: { caller: number; service: number };
}

export interface LiveText {
  seq: number;
  direction: 'received' | 'sent';
  person: string;
  status: string;
  body?: string;
  at: number;
}

export interface LiveHandOff {
  call: string;
  who: LiveWho;
  status: HandOffStatus;
  /** When the caller began to wait for an agent. */
  since: number;
  /** The queue's own count of seconds waited, when it reported one. */
  waitSeconds?: number;
  outcome?: string;
  lastAt: number;
}

export interface DayCounters {
  callsPlaced: number;
  callsAnswered: number;
  linesSpoken: number;
  textsSent: number;
  textsReceived: number;
  handOffs: number;
}

export interface LiveState {
  /** The UTC day the counters count. */
  day: string;
  /** The last event applied. */
  seq: number;
  calls: Record<string, LiveCall>;
  handOffs: Record<string, LiveHandOff>;
  /** Oldest first. */
  texts: LiveText[];
  counters: DayCounters;
}

export const liveLimits = {
  turnsPerCall: 60,
  calls: 2_000,
  texts: 200,
  textsForMs: 15 * 60_000,
  /** An ended call or hand-off stays on the page this long, so its end is seen. */
  endedForMs: 60_000,
  /** A call with no event for this long lost its end. */
  quietForMs: 30 * 60_000,
} as const;

const noCounters: DayCounters = { callsPlaced: 0, callsAnswered: 0, linesSpoken: 0, textsSent: 0, textsReceived: 0, handOffs: 0 };

export function emptyLive(now: number): LiveState {
  return { day: utcDay(now), seq: 0, calls: {}, handOffs: {}, texts: [], counters: noCounters };
}

/** The state after one event; an event already applied (its seq not newer) changes nothing. */
export function applyLive(state: LiveState, event: LiveEvent): LiveState {
  if (event.seq <= state.seq) return state;
  const day = utcDay(event.at);
  const dated: LiveState = day === state.day ? state : { ...state, day, counters: noCounters };
  return { ...reduce(dated, event), seq: event.seq };
}

function reduce(state: LiveState, event: LiveEvent): LiveState {
  switch (event.kind) {
    case 'call-started':
      return state.calls[event.call] ? state : count(withCall(state, newCall(event.call, event.who, event.at)), 'callsPlaced');
    case 'call-answered':
      return count(onCall(state, event, (c) => ({ ...c, answeredAt: c.answeredAt ?? event.at, stage: c.stage === 'ringing' ? 'greeting' : c.stage })), 'callsAnswered');
    case 'turn':
      return state.calls[event.call] && state.calls[event.call]!.shownTurn[event.speaker] >= event.turn ? state : count(onCall(state, event, (c) => spoken(c, event)), 'linesSpoken');
    case 'stage':
      return onCall(state, event, (c) => ({ ...c, stage: event.stage }));
    case 'call-ended':
      return onCall(state, event, (c) => ({ ...c, stage: 'ended', status: event.status, endedAt: event.at }));
    case 'text': {
      const { seq, direction, person, status, body, at } = event;
      const texts = [...state.texts, { seq, direction, person, status, ...(body !== undefined ? { body } : {}), at }].slice(-liveLimits.texts);
      return count({ ...state, texts }, direction === 'sent' ? 'textsSent' : 'textsReceived');
    }
    case 'hand-off':
      return handOff(state, event);
  }
}

function handOff(state: LiveState, event: Extract<LiveEvent, { kind: 'hand-off' }>): LiveState {
  const earlier = state.handOffs[event.call];
  const who = state.calls[event.call]?.who ?? earlier?.who ?? {};
  const next: LiveHandOff = {
    call: event.call,
    who,
    status: event.status,
    since: earlier?.since ?? event.at,
    lastAt: event.at,
    ...(event.waitSeconds !== undefined ? { waitSeconds: event.waitSeconds } : earlier?.waitSeconds !== undefined ? { waitSeconds: earlier.waitSeconds } : {}),
    ...(event.outcome !== undefined ? { outcome: event.outcome } : {}),
  };
  const withHandOff = { ...state, handOffs: { ...state.handOffs, [event.call]: next } };
  return earlier ? withHandOff : count(withHandOff, 'handOffs');
}

/** Drops what has been over long enough to leave the page: ended calls and hand-offs, texts older than the window, calls gone quiet. */
export function pruneLive(state: LiveState, now: number): LiveState {
  const gone = (lastAt: number, ended: boolean) => now - lastAt > (ended ? liveLimits.endedForMs : liveLimits.quietForMs);
  const calls = Object.values(state.calls).filter((c) => !gone(c.lastAt, c.endedAt !== undefined));
  const handOffs = Object.values(state.handOffs).filter((h) => !gone(h.lastAt, h.status === 'ended'));
  const texts = state.texts.filter((t) => now - t.at <= liveLimits.textsForMs);
  if (calls.length === Object.keys(state.calls).length && handOffs.length === Object.keys(state.handOffs).length && texts.length === state.texts.length) return state;
  return { ...state, calls: byCall(calls), handOffs: byCall(handOffs), texts };
}

/** The calls still going, longest first, and those just ended after them. */
export function callsInProgress(state: LiveState): LiveCall[] {
  return Object.values(state.calls).sort((a, b) => Number(a.endedAt !== undefined) - Number(b.endedAt !== undefined) || a.startedAt - b.startedAt);
}

/** Seconds a hand-off has waited for an agent: the queue's own count while it reports one, else since it began. */
export function handOffWaitSeconds(handOff: LiveHandOff, now: number): number {
  const sinceBegan = Math.max(0, Math.round(((handOff.status === 'ringing' || handOff.status === 'queued' ? now : handOff.lastAt) - handOff.since) / 1000));
  return Math.max(handOff.waitSeconds ?? 0, sinceBegan);
}

function spoken(call: LiveCall, event: Extract<LiveEvent, { kind: 'turn' }>): LiveCall {
  const turns = [...call.turns, { speaker: event.speaker, text: event.text, at: event.at }].slice(-liveLimits.turnsPerCall);
  return { ...call, turns, shownTurn: { ...call.shownTurn, [event.speaker]: event.turn } };
}

function newCall(call: string, who: LiveWho, at: number): LiveCall {
  return { call, who, stage: 'ringing', startedAt: at, lastAt: at, turns: [], shownTurn: { caller: 0, service: -1 } };
}

/** A call's change; a call first heard of through a later webhook (the API restarted mid-call) starts there. */
function onCall(state: LiveState, event: LiveEvent & { call: string }, change: (call: LiveCall) => LiveCall): LiveState {
  const known = state.calls[event.call];
  const base = known ?? newCall(event.call, whoOf(event.call), event.at);
  return withCall(known ? state : count(state, 'callsPlaced'), { ...change(base), lastAt: event.at });
}

function withCall(state: LiveState, call: LiveCall): LiveState {
  const calls = { ...state.calls, [call.call]: call };
  const ids = Object.keys(calls);
  // Too many at once (lost ends): the longest quiet go first.
  if (ids.length > liveLimits.calls) {
    const quietest = Object.values(calls).sort((a, b) => a.lastAt - b.lastAt)[0]!;
    delete calls[quietest.call];
  }
  return { ...state, calls };
}

function count(state: LiveState, counter: keyof DayCounters): LiveState {
  return { ...state, counters: { ...state.counters, [counter]: state.counters[counter] + 1 } };
}

function byCall<T extends { call: string }>(items: T[]): Record<string, T> {
  return Object.fromEntries(items.map((item) => [item.call, item]));
}

/**
 * Who a call is for, read from its workflow id: `debtor/<campaign>/<account>/call/<attempt>` or
 * `respondent/<survey>/<respondent>/call/<attempt>` (src/temporal, workflows/call/place-call.ts).
 */
export function whoOf(callWorkflowId: string): LiveWho {
  const match = /^(debtor|respondent)\/([^/]+)\/(.+?)\/call\/./.exec(callWorkflowId);
  if (!match) return {};
  return match[1] === 'debtor' ? { campaignId: match[2], ref: match[3] } : { surveyId: match[2], ref: match[3] };
}

function utcDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}
