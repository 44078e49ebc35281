import { describe, expect, it } from 'vitest';
import type { LiveEvent, LiveFact } from '../../../src/live/live-events';
import { applyLive, callsInProgress, emptyLive, handOffWaitSeconds, liveLimits, pruneLive, whoOf, type LiveState } from '../../../src/live/live-state';

// The Live page's state, reduced from the hub's events: the same reducer runs in the service (the
// snapshot a page gets) and in the page (each event after it).

const t0 = Date.UTC(2026, 11, 2, 10, 0, 0);
const call = 'debtor/northwind/A-1/call/first-call';

/** The state after `facts`, the nth at t0 + n seconds (or its own offset). */
function after(facts: Array<LiveFact | [LiveFact, number]>, from: LiveState = emptyLive(t0)): LiveState {
  return facts.reduce<LiveState>((state, item, i) => {
    const [fact, offsetSeconds] = Array.isArray(item) ? item : [item, i];
    return applyLive(state, { ...fact, seq: state.seq + 1, at: t0 + offsetSeconds * 1000 } as LiveEvent);
  }, from);
}

const started: LiveFact = { kind: 'call-started', call, who: { campaignId: 'northwind', ref: 'A-1', phone: '+12025550142' } };

describe('the Live page state', () => {
  it.each<{ when: string; facts: LiveFact[]; then: Partial<LiveState['calls'][string]> }>([
    { when: 'a call is placed', facts: [started], then: { stage: 'ringing', startedAt: t0, turns: [] } },
    { when: 'it is answered', facts: [started, { kind: 'call-answered', call, answeredBy: 'human' }], then: { stage: 'greeting', answeredAt: t0 + 1000 } },
    {
      when: 'the service and the caller speak',
      facts: [started, { kind: 'turn', call, speaker: 'service', text: 'Hello, may I speak with Jordan?', turn: 0 }, { kind: 'turn', call, speaker: 'caller', text: 'Yes.', turn: 1 }],
      then: {
        turns: [
          { speaker: 'service', text: 'Hello, may I speak with Jordan?', at: t0 + 1000 },
          { speaker: 'caller', text: 'Yes.', at: t0 + 2000 },
        ],
      },
    },
    { when: 'the dialog moves on', facts: [started, { kind: 'stage', call, stage: 'verification' }], then: { stage: 'verification' } },
    { when: 'Twilio reports the end', facts: [started, { kind: 'call-ended', call, status: 'completed' }], then: { stage: 'ended', status: 'completed', endedAt: t0 + 1000 } },
    {
      when: 'a call is first heard of mid-way (the API restarted)',
      facts: [{ kind: 'turn', call, speaker: 'caller', text: 'Hello?', turn: 1 }],
      then: { who: { campaignId: 'northwind', ref: 'A-1' }, stage: 'ringing', turns: [{ speaker: 'caller', text: 'Hello?', at: t0 }] },
    },
  ])('when $when, then the call shows it', ({ facts, then }) => {
    expect(after(facts).calls[call]).toMatchObject(then);
  });

  it('when a day of calls, texts and hand-offs goes by, then the counters count each once', () => {
    const state = after([
      started,
      { kind: 'call-started', call, who: {} },
      { kind: 'call-answered', call },
      { kind: 'turn', call, speaker: 'service', text: 'Hello.', turn: 0 },
      { kind: 'turn', call, speaker: 'caller', text: 'Hi.', turn: 1 },
      { kind: 'hand-off', call, status: 'queued', waitSeconds: 0 },
      { kind: 'hand-off', call, status: 'queued', waitSeconds: 5 },
      { kind: 'text', direction: 'sent', person: '+12025550142', status: 'delivered' },
      { kind: 'text', direction: 'received', person: '+12025550142', status: 'received', body: 'STOP' },
    ]);
    expect(state.counters).toEqual({ callsPlaced: 1, callsAnswered: 1, linesSpoken: 2, textsSent: 1, textsReceived: 1, handOffs: 1 });
  });

  it('when the UTC day turns, then the counters start again and the calls stay', () => {
    const yesterday = after([started]);
    const today = after([[{ kind: 'call-answered', call }, 24 * 3600]], yesterday);
    expect(today.day).toBe('2026-12-03');
    expect(today.counters.callsPlaced).toBe(0);
    expect(today.counters.callsAnswered).toBe(1);
    expect(today.calls[call]?.answeredAt).toBe(t0 + 24 * 3600 * 1000);
  });

  it('when an event comes twice (a reconnect overlapping the snapshot), then it is applied once', () => {
    const once = after([started, { kind: 'turn', call, speaker: 'caller', text: 'Yes.', turn: 1 }]);
    const replayed = applyLive(once, { kind: 'turn', call, speaker: 'caller', text: 'Yes.', turn: 1, seq: once.seq, at: t0 });
    expect(replayed).toBe(once);
  });

  it('when Twilio repeats a turn’s webhook, then its lines are shown and counted once', () => {
    const state = after([
      started,
      { kind: 'turn', call, speaker: 'service', text: 'Hello.', turn: 0 },
      { kind: 'turn', call, speaker: 'caller', text: 'Hi.', turn: 1 },
      { kind: 'turn', call, speaker: 'caller', text: 'Hi.', turn: 1 },
      { kind: 'turn', call, speaker: 'service', text: 'Is now a good time?', turn: 1 },
      { kind: 'turn', call, speaker: 'service', text: 'Is now a good time?', turn: 1 },
    ]);
    expect(state.calls[call]!.turns.map((t) => `${t.speaker}: ${t.text}`)).toEqual(['service: Hello.', 'caller: Hi.', 'service: Is now a good time?']);
    expect(state.counters.linesSpoken).toBe(3);
  });

  it('when a hand-off waits in the queue, then its wait counts from when it began, or the queue’s own count if longer', () => {
    const state = after([started, [{ kind: 'hand-off', call, status: 'queued' }, 10], [{ kind: 'hand-off', call, status: 'queued', waitSeconds: 25 }, 20]]);
    const handOff = state.handOffs[call]!;
    expect(handOff).toMatchObject({ status: 'queued', since: t0 + 10_000, who: { ref: 'A-1' } });
    expect(handOffWaitSeconds(handOff, t0 + 30_000)).toBe(25);
    expect(handOffWaitSeconds(handOff, t0 + 50_000)).toBe(40);
    const answered = after([[{ kind: 'hand-off', call, status: 'answered' }, 45]], state).handOffs[call]!;
    expect(handOffWaitSeconds(answered, t0 + 600_000)).toBe(35);
  });

  it('when a call talks on and on, then it keeps its last turns only', () => {
    const turns = Array.from({ length: liveLimits.turnsPerCall + 5 }, (_, i): LiveFact => ({ kind: 'turn', call, speaker: 'caller', text: `line ${i}`, turn: i + 1 }));
    const kept = after([started, ...turns]).calls[call]!.turns;
    expect(kept).toHaveLength(liveLimits.turnsPerCall);
    expect(kept.at(-1)?.text).toBe(`line ${liveLimits.turnsPerCall + 4}`);
  });

  it('when time passes, then ended calls leave after a minute, quiet ones after half an hour, and texts after their window', () => {
    const other = 'debtor/northwind/A-2/call/first-call';
    const state = after([
      started,
      { kind: 'call-ended', call, status: 'completed' },
      { kind: 'call-started', call: other, who: {} },
      { kind: 'text', direction: 'sent', person: '+12025550142', status: 'delivered' },
    ]);
    expect(Object.keys(pruneLive(state, t0 + 30_000).calls)).toEqual([call, other]);
    expect(Object.keys(pruneLive(state, t0 + 2 * 60_000).calls)).toEqual([other]);
    expect(pruneLive(state, t0 + 2 * 60_000).texts).toHaveLength(1);
    const later = pruneLive(state, t0 + 31 * 60_000);
    expect(later.calls).toEqual({});
    expect(later.texts).toEqual([]);
  });

  it('when calls are listed, then those going on come first, longest first, then those just ended', () => {
    const second = 'debtor/northwind/A-2/call/first-call';
    const third = 'debtor/northwind/A-3/call/first-call';
    const state = after([started, { kind: 'call-started', call: second, who: {} }, { kind: 'call-started', call: third, who: {} }, { kind: 'call-ended', call, status: 'completed' }]);
    expect(callsInProgress(state).map((c) => c.call)).toEqual([second, third, call]);
  });

  it.each([
    ['debtor/northwind/A-1/call/first-call', { campaignId: 'northwind', ref: 'A-1' }],
    ['debtor/northwind/A-1/call/cycle-2/second-call/retry-1', { campaignId: 'northwind', ref: 'A-1' }],
    ['respondent/nps-q4/R-9/call/invite', { surveyId: 'nps-q4', ref: 'R-9' }],
    ['load/call/3', {}],
  ])('when a call id is %s, then who it is for is %o', (id, who) => {
    expect(whoOf(id)).toEqual(who);
  });
});
