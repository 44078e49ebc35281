import type { LiveEvent, LiveFact } from './live-events';
import { applyLive, emptyLive, pruneLive, type LiveState } from './live-state';

// The live channel's source, one per API process: webhook handlers publish facts as they learn
// them, and every open Live page (an SSE stream, live-stream.ts) receives them. Publishing is a
// few object copies and a function call per listener: it never waits, never throws into a
// webhook, and never asks Temporal or the database anything. A listener that cannot keep up is
// dropped by its stream (it reconnects and starts from a fresh snapshot), not waited for.
//
// With several API processes behind a load balancer each has its own hub, fed by the webhooks it
// answered: a page sees the calls whose webhooks reach its process. One process (or sticky
// routing of each call's webhooks and the console to one process) shows everything.

export type LiveListener = (event: LiveEvent) => void;

export interface LiveHub {
  /** Stamps and sends a fact; `at` is when its webhook arrived (default: now). */
  publish(fact: LiveFact, at?: number): void;
  /** The state now, and every event after it until unsubscribed. */
  subscribe(listener: LiveListener): { snapshot: LiveState; unsubscribe(): void };
  /** Events published and listener failures since start, for the process's own health. */
  stats(): { published: number; listenerFailures: number; listeners: number };
}

const pruneEveryMs = 5_000;

export function createLiveHub(clock: () => number = Date.now): LiveHub {
  let state = emptyLive(clock());
  let seq = 0;
  let published = 0;
  let listenerFailures = 0;
  let prunedAt = clock();
  const listeners = new Set<LiveListener>();

  const current = (now: number) => {
    if (now - prunedAt >= pruneEveryMs) {
      state = pruneLive(state, now);
      prunedAt = now;
    }
    return state;
  };

  return {
    publish(fact, at = clock()) {
      try {
        const event = { ...fact, seq: ++seq, at } as LiveEvent;
        state = applyLive(current(clock()), event);
        published++;
        for (const listener of listeners) {
          try {
            listener(event);
          } catch {
            listenerFailures++;
          }
        }
      } catch {
        // A fact the page cannot show is not worth a failed webhook.
        listenerFailures++;
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return { snapshot: current(clock()), unsubscribe: () => listeners.delete(listener) };
    },
    stats: () => ({ published, listenerFailures, listeners: listeners.size }),
  };
}
