import type { ServerResponse } from 'node:http';
import type { LiveHub } from './live-hub';

// One Live page's server-sent events: `snapshot` (the whole state) first, then a `live` event for
// each fact, and a comment line as a heartbeat so proxies keep the stream open and the page sees a
// dead one. A page that reads slower than events come is cut off once its unsent bytes pass a
// bound: it reconnects (EventSource does so by itself) and gets a fresh snapshot, and the hub
// never holds events for it.

export interface LiveStreamOptions {
  /** What this reader may see of a value (an auditor's masked view). */
  view: (value: unknown) => unknown;
  heartbeatMs?: number;
  /** Unsent bytes after which the reader is cut off. */
  maxBufferedBytes?: number;
}

export const liveStreamHeaders = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  connection: 'keep-alive',
  // nginx and its kin buffer responses unless told not to; events must go out as they come.
  'x-accel-buffering': 'no',
} as const;

/** Streams the hub to `raw` until either side closes; returns the function that ends it. */
export function streamLive(hub: LiveHub, raw: ServerResponse, options: LiveStreamOptions): () => void {
  const { view, heartbeatMs = 15_000, maxBufferedBytes = 4 * 1024 * 1024 } = options;
  let ended = false;
  const send = (chunk: string) => {
    if (ended) return;
    raw.write(chunk);
    if (raw.writableLength > maxBufferedBytes) end();
  };
  const subscription = hub.subscribe((event) => send(`id: ${event.seq}\nevent: live\ndata: ${JSON.stringify(view(event))}\n\n`));
  const heartbeat = setInterval(() => send(': heartbeat\n\n'), heartbeatMs);
  heartbeat.unref();
  function end() {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    subscription.unsubscribe();
    raw.end();
  }
  raw.on('close', end);
  raw.writeHead(200, liveStreamHeaders);
  // retry: how long the browser waits before reconnecting a dropped stream.
  send(`retry: 2000\nevent: snapshot\ndata: ${JSON.stringify(view(subscription.snapshot))}\n\n`);
  return end;
}
