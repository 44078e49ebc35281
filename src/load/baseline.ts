import Fastify from 'fastify';
import type { Client } from '@temporalio/client';
import { forEachLimited, msSince, perSecond, summarize, type LatencySummary } from './stats';
import type { SignedPost } from './twilio-player';

// What the same work costs with nothing of Parley in it, measured in the same run on the same
// machine: a plain Fastify handler that parses the turn's form and returns the same TwiML, and
// workflow starts of a no-op workflow on a task queue of its own.

export interface PlainHandler {
  url: string;
  close(): Promise<void>;
}

/** Parses the form (as the service must) and answers `twiml`. */
export async function startPlainTwimlHandler(twiml: () => string): Promise<PlainHandler> {
  const app = Fastify();
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
  app.post('/gather', async (_request, reply) => reply.type('text/xml').send(twiml()));
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url: `${url}/gather`, close: () => app.close() };
}

/**
 * `count` turns against the plain handler, sent at `perSecondRate` (spread evenly, not waiting for
 * answers, like independent callers) or one after another when the rate is undefined.
 */
export async function plainTurnLatencies(post: SignedPost, url: string, lines: readonly string[], count: number, perSecondRate?: number): Promise<LatencySummary> {
  for (let i = 0; i < 20; i++) await post(url, { CallSid: 'CAwarmup', SpeechResult: lines[0]!, Confidence: '0.95' });
  const latencies: number[] = [];
  const turn = async (i: number) => {
    const answer = await post(url, { CallSid: `CAplain${i}`, SpeechResult: lines[i % lines.length]!, Confidence: '0.95' });
    latencies.push(answer.ms);
  };
  if (perSecondRate === undefined) {
    for (let i = 0; i < count; i++) await turn(i);
  } else {
    const gapMs = 1000 / perSecondRate;
    const started = Date.now();
    const sent: Array<Promise<void>> = [];
    for (let i = 0; i < count; i++) {
      const wait = started + i * gapMs - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      sent.push(turn(i));
    }
    await Promise.all(sent);
  }
  return summarize(latencies);
}

export interface StartsBaseline {
  count: number;
  concurrency: number;
  totalMs: number;
  perSecond: number;
  latency: LatencySummary;
}

/**
 * Starts `count` executions of a no-op workflow type on a task queue no worker polls: what is
 * timed is the start itself (the server's write), which is all an import waits for. They time out
 * a minute later and leave nothing running.
 */
export async function noopWorkflowStarts(client: Client, runId: string, count: number, concurrency: number): Promise<StartsBaseline> {
  const latencies: number[] = [];
  const started = process.hrtime.bigint();
  await forEachLimited(
    Array.from({ length: count }, (_, i) => i),
    concurrency,
    async (i) => {
      const one = process.hrtime.bigint();
      await client.workflow.start('loadNoop', { workflowId: `load-noop/${runId}/${i}`, taskQueue: 'load-noop', args: [], workflowExecutionTimeout: '1 minute' });
      latencies.push(msSince(one));
    },
  );
  const totalMs = msSince(started);
  return { count, concurrency, totalMs, perSecond: perSecond(count, totalMs), latency: summarize(latencies) };
}
