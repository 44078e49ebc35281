import { useEffect, useState } from 'preact/hooks';
import type { LiveEvent } from '../src/live/live-events';
import { applyLive, pruneLive, type LiveState } from '../src/live/live-state';

// The Live page's data: the service's live channel (server-sent events) reduced with the same
// reducer the service keeps its snapshot with. EventSource sends the console's cookie and
// reconnects by itself after a drop (each reconnect starts from a fresh snapshot); events are
// applied in small batches so hundreds of calls do not re-render the page per line.

export type Connection = 'connecting' | 'live' | 'reconnecting' | 'refused';

const batchMs = 100;

export function useLiveFeed(): { state?: LiveState; connection: Connection; now: number } {
  const [state, setState] = useState<LiveState>();
  const [connection, setConnection] = useState<Connection>('connecting');
  const [now, setNow] = useState(Date.now());

  useEffect(() => {
    const source = new EventSource('/console/live/events');
    let pending: LiveEvent[] = [];
    let flush: number | undefined;
    source.addEventListener('snapshot', (message) => {
      pending = [];
      setState(JSON.parse((message as MessageEvent<string>).data) as LiveState);
      setConnection('live');
    });
    source.addEventListener('live', (message) => {
      pending.push(JSON.parse((message as MessageEvent<string>).data) as LiveEvent);
      flush ??= window.setTimeout(() => {
        const events = pending;
        pending = [];
        flush = undefined;
        setState((current) => current && events.reduce(applyLive, current));
      }, batchMs);
    });
    // A stream the service refused (signed out, key revoked) is closed for good; a dropped one is retried.
    source.onerror = () => setConnection(source.readyState === EventSource.CLOSED ? 'refused' : 'reconnecting');
    const tick = window.setInterval(() => {
      const at = Date.now();
      setNow(at);
      setState((current) => current && pruneLive(current, at));
    }, 1000);
    return () => {
      source.close();
      window.clearInterval(tick);
      window.clearTimeout(flush);
    };
  }, []);

  return { state, connection, now };
}
