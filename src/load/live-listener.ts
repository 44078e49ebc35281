import type { LiveEvent } from '../live/live-events';
import type { LiveState } from '../live/live-state';

// A reader of the console's live channel (GET /console/live/events), as a Live page is: the load
// harness times events with it, and the tests watch a call through it.

export interface LiveListener {
  /** The first event: the state when the stream opened. */
  readonly snapshot: Promise<LiveState>;
  /** Every `live` event so far, in arrival order, each with when it arrived (epoch ms). */
  readonly events: Array<{ event: LiveEvent; receivedAt: number }>;
  /** Resolves with the first event (already received or still to come) that `match` accepts. */
  waitFor(match: (event: LiveEvent) => boolean, timeoutMs?: number): Promise<LiveEvent>;
  close(): void;
}

/** Opens the channel at `baseUrl` with `headers` (a bearer key, or the console's cookie); rejects unless it answers 200. */
export async function listenLive(baseUrl: string, headers: Record<string, string>): Promise<LiveListener> {
  const abort = new AbortController();
  const response = await fetch(`${baseUrl}/console/live/events`, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
  if (response.status !== 200 || !response.body) throw new Error(`the live channel answered ${response.status}: ${await response.text()}`);
  const events: LiveListener['events'] = [];
  const waiting = new Set<() => void>();
  let gotSnapshot: (state: LiveState) => void = () => undefined;
  const snapshot = new Promise<LiveState>((resolve) => (gotSnapshot = resolve));

  const onFrame = (frame: string) => {
    const kind = /^event: (.*)$/m.exec(frame)?.[1];
    const data = frame.split('\n').flatMap((line) => (line.startsWith('data: ') ? [line.slice(6)] : [])).join('\n');
    if (kind === 'snapshot') gotSnapshot(JSON.parse(data) as LiveState);
    if (kind !== 'live') return;
    events.push({ event: JSON.parse(data) as LiveEvent, receivedAt: Date.now() });
    for (const wake of waiting) wake();
  };
  void (async () => {
    const decoder = new TextDecoder();
    let buffered = '';
    try {
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
        buffered += decoder.decode(chunk, { stream: true });
        const frames = buffered.split('\n\n');
        buffered = frames.pop()!;
        frames.forEach(onFrame);
      }
    } catch {
      // Closed by close(), or by the service going away: the events so far stay readable.
    }
  })();

  const waitFor = (match: (event: LiveEvent) => boolean, timeoutMs = 30_000) =>
    new Promise<LiveEvent>((resolve, reject) => {
      const check = () => {
        const found = events.find(({ event }) => match(event));
        if (!found) return;
        waiting.delete(check);
        clearTimeout(timer);
        resolve(found.event);
      };
      const timer = setTimeout(() => {
        waiting.delete(check);
        reject(new Error(`no such live event within ${timeoutMs} ms (${events.length} received)`));
      }, timeoutMs);
      waiting.add(check);
      check();
    });
  return { snapshot, events, waitFor, close: () => abort.abort() };
}
