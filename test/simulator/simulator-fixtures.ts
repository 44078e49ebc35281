import formBody from '@fastify/formbody';
import { afterAll, beforeAll } from 'vitest';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { resolve } from 'node:path';
import { createTwilioRestClient } from '../../src/adapters/twilio/twilio-rest-client';
import { type CallRecord, type TranscriptEntry, type TwilioSimulator, type TwilioSimulatorOptions, startTwilioSimulator } from '../../src/simulator';

/** Shared set-up for the simulator tests: an account, a service number and a stand-in service. */

export const ACCOUNT = { sid: `AC${'1'.repeat(32)}`, authToken: 'simulated-auth-token' };
export const SERVICE_NUMBER = '+15550001000';
export const PERSONA_DIR = resolve(__dirname, '../../personas');

export interface ReceivedWebhook {
  path: string;
  method: string;
  /** The URL the simulator requested, as the service sees it. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  params: Record<string, string>;
}

/** A TwiML string, or any answer: an error status, audio for <Play>. */
type Answer = string | { status: number; body?: string | Buffer; contentType?: string };
type Handler = (hook: ReceivedWebhook) => Answer | Promise<Answer>;

/** A small fastify app playing the service: answers webhooks with scripted TwiML and records them. */
export interface WebhookReceiver {
  url(path: string): string;
  on(path: string, handler: Handler): void;
  received(path?: string): ReceivedWebhook[];
  /** Resolves with the first request to `path` (already received or coming) that matches. */
  nextRequest(path: string, matches?: (hook: ReceivedWebhook) => boolean, timeoutMs?: number): Promise<ReceivedWebhook>;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<WebhookReceiver> {
  const app = Fastify({ forceCloseConnections: true });
  await app.register(formBody);
  const handlers = new Map<string, Handler>();
  const received: ReceivedWebhook[] = [];
  const waiters = new Set<(hook: ReceivedWebhook) => void>();
  const handle = async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0]!;
    const hook: ReceivedWebhook = {
      path,
      method: request.method,
      url: `${base}${request.url}`,
      headers: request.headers,
      params: (request.method === 'GET' ? {} : (request.body as Record<string, string>)) ?? {},
    };
    received.push(hook);
    waiters.forEach((notify) => notify(hook));
    const answer = (await handlers.get(path)?.(hook)) ?? '<Response/>';
    const { status, body, contentType } = typeof answer === 'string' ? { status: 200, body: answer, contentType: undefined } : answer;
    return reply.code(status).type(contentType ?? 'text/xml').send(body ?? '');
  };
  app.all('/*', handle);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const base = `http://127.0.0.1:${port}`;
  return {
    url: (path) => `${base}${path}`,
    on: (path, handler) => handlers.set(path, handler),
    received: (path) => received.filter((hook) => path === undefined || hook.path === path),
    nextRequest: (path, matches = () => true, timeoutMs = 5_000) => {
      const wanted = (hook: ReceivedWebhook) => hook.path === path && matches(hook);
      const already = received.find(wanted);
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(notify);
          reject(new Error(`no request to ${path} within ${timeoutMs} ms`));
        }, timeoutMs);
        const notify = (hook: ReceivedWebhook) => {
          if (!wanted(hook)) return;
          clearTimeout(timer);
          waiters.delete(notify);
          resolve(hook);
        };
        waiters.add(notify);
      });
    },
    close: () => app.close(),
  };
}

/** A simulator with no delays, the persona library, and the receiver as the service. */
export function startTestSimulator(receiver: WebhookReceiver, options: Partial<TwilioSimulatorOptions> = {}): Promise<TwilioSimulator> {
  return startTwilioSimulator({
    accounts: [ACCOUNT],
    phoneNumbers: [{ phoneNumber: SERVICE_NUMBER, smsUrl: receiver.url('/sms') }],
    delayScale: 0,
    callsPerSecond: 100,
    webhookTimeoutMs: 2_000,
    personaDir: PERSONA_DIR,
    ...options,
  });
}

/**
 * A receiver and a test simulator for the whole test file: started before its first test and
 * closed after its last; `use` hands them to the file's own variables.
 */
export function simulatorForThisFile(use: (started: { receiver: WebhookReceiver; simulator: TwilioSimulator }) => void): void {
  let started: { receiver: WebhookReceiver; simulator: TwilioSimulator } | undefined;
  beforeAll(async () => {
    const receiver = await startReceiver();
    started = { receiver, simulator: await startTestSimulator(receiver) };
    use(started);
  });
  afterAll(async () => {
    await started?.simulator.close();
    await started?.receiver.close();
  });
}

export function restClientFor(simulator: TwilioSimulator, authToken = ACCOUNT.authToken) {
  return createTwilioRestClient({ accountSid: ACCOUNT.sid, authToken, apiBaseUrl: simulator.url });
}

/** TwiML the way the service writes it. */
export function twiml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${body}</Response>`;
}

/** Places a call through the official client and waits until it ended and its callbacks were answered. */
export async function placeCallAndWait(
  simulator: TwilioSimulator,
  params: { to: string; url: string } & Record<string, unknown>,
) {
  const call = await restClientFor(simulator).calls.create({ from: SERVICE_NUMBER, ...params });
  return simulator.store.waitForCallSettled(call.sid);
}

/** A call's transcript entries of one kind, typed. */
export function entries<K extends TranscriptEntry['kind']>(call: Readonly<CallRecord>, kind: K) {
  return call.transcript.filter((entry): entry is Extract<TranscriptEntry, { kind: K }> => entry.kind === kind);
}
