import { latencyRows, type ReportRow } from './report';
import { summarize, type LatencySummary } from './stats';
import { listenLive, type LiveListener } from './live-listener';
import type { LoadStack } from './stack';

// The console's live channel under the calls scenario's load: one reader (a Live page) open for
// the whole run. Measured: each caller line's lag from the harness posting its webhook to the
// line's event reaching the reader, every event's lag from the hub publishing it to the reader,
// and the caller lines posted whose event never came.

export interface LiveLag {
  /** The harness is posting the caller's answer to `turn` of `call` now. */
  posted(call: string, turn: number): void;
  /** Waits a little for the last events, closes the reader, and reports. */
  finish(): Promise<{ rows: ReportRow[]; summary: LiveLagSummary }>;
}

export interface LiveLagSummary {
  lineLagMs: LatencySummary;
  publishToReaderMs: LatencySummary;
  linesPosted: number;
  linesMissed: number;
  eventsReceived: number;
}

const settleMs = 5_000;

/**
 * Opens the reader with the harness's admin key (an external stack's: PARLEY_API_KEY in the
 * harness's environment); without one, or with a channel that cannot be opened, the run goes on
 * and the report says why it has no live figures.
 */
export async function startLiveLag(stack: LoadStack): Promise<LiveLag> {
  const apiKey = stack.env.PARLEY_API_KEY ?? process.env.PARLEY_API_KEY;
  const opened = apiKey ? await listenLive(stack.apiUrl, { authorization: `Bearer ${apiKey}` }).catch((err: unknown) => (err as Error).message) : 'no API key: set PARLEY_API_KEY';
  if (typeof opened === 'string') return notMeasured(opened);
  const listener = opened;
  await listener.snapshot;
  const postedAt = new Map<string, number>();
  return {
    posted: (call, turn) => {
      if (!postedAt.has(key(call, turn))) postedAt.set(key(call, turn), Date.now());
    },
    async finish() {
      for (let waited = 0; waited < settleMs && callerLines(listener).size < postedAt.size; waited += 250) await new Promise((r) => setTimeout(r, 250));
      listener.close();
      return report(listener, postedAt);
    },
  };
}

function notMeasured(why: string): LiveLag {
  const none = summarize([]);
  return {
    posted: () => undefined,
    finish: async () => ({
      rows: [{ section: 'live channel (one console reader)', metric: 'not measured', value: why }],
      summary: { lineLagMs: none, publishToReaderMs: none, linesPosted: 0, linesMissed: 0, eventsReceived: 0 },
    }),
  };
}

function report(listener: LiveListener, postedAt: Map<string, number>): { rows: ReportRow[]; summary: LiveLagSummary } {
  const delivered = callerLines(listener);
  const lineLags = [...postedAt].flatMap(([line, at]) => (delivered.has(line) ? [delivered.get(line)! - at] : []));
  const summary: LiveLagSummary = {
    lineLagMs: summarize(lineLags),
    publishToReaderMs: summarize(listener.events.map(({ event, receivedAt }) => receivedAt - event.at)),
    linesPosted: postedAt.size,
    linesMissed: [...postedAt.keys()].filter((line) => !delivered.has(line)).length,
    eventsReceived: listener.events.length,
  };
  const section = 'live channel (one console reader)';
  const rows: ReportRow[] = [
    ...latencyRows(section, 'caller line lag (webhook POST to SSE reader)', summary.lineLagMs),
    ...latencyRows(section, 'event lag (hub publish to SSE reader)', summary.publishToReaderMs).slice(1),
    { section, metric: 'events received', value: String(summary.eventsReceived) },
    { section, metric: 'caller lines missed (posted, never delivered)', value: `${summary.linesMissed} of ${summary.linesPosted}` },
  ];
  return { rows, summary };
}

/** When each caller line's first event arrived, by call and turn. */
function callerLines(listener: LiveListener): Map<string, number> {
  const lines = new Map<string, number>();
  for (const { event, receivedAt } of listener.events) {
    if (event.kind === 'turn' && event.speaker === 'caller' && !lines.has(key(event.call, event.turn))) lines.set(key(event.call, event.turn), receivedAt);
  }
  return lines;
}

function key(call: string, turn: number): string {
  return `${call}#${turn}`;
}
