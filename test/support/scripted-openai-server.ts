import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isDeepStrictEqual } from 'node:util';
import { turnDecisionJsonSchema } from '../../src/dialog/turn-decision-schema';
import { answerReadingJsonSchema } from '../../src/surveys/llm-reading';

// A stand-in for an OpenAI-compatible endpoint (POST /v1/chat/completions) in tests: it answers
// from a script and records every request, with what was wrong with it (the model, the response
// format, anything sensitive in the prompt). Tests assert that `problems` stays empty.

export interface ChatRequest {
  model: string;
  messages: Array<{ role: string; content: string }>;
  response_format?: { type?: string; json_schema?: { name?: string; strict?: boolean; schema?: unknown } };
  [key: string]: unknown;
}

/** What the server answers: the message content (a string is sent as is, anything else as JSON), after an optional delay. */
export interface ScriptedAnswer {
  content: unknown;
  delayMs?: number;
}

export type Script = (request: ChatRequest, index: number) => ScriptedAnswer;

export interface RecordedRequest {
  index: number;
  body: ChatRequest;
  /** Why this request breaks the contract; empty when it is fine. */
  problems: string[];
}

export interface ScriptedOpenAiServer {
  /** Base URL for OPENAI_BASE_URL (ends in /v1). */
  readonly baseUrl: string;
  readonly requests: readonly RecordedRequest[];
  /** Every problem seen so far, each prefixed with its request index. */
  problems(): string[];
  setScript(script: Script): void;
  /** Strings that must never appear in any prompt (a debtor's phone number, say). */
  forbid(...values: string[]): void;
  close(): Promise<void>;
}

/** Luhn-valid 13-19 digit runs (spaces or dashes allowed between groups): card numbers. */
function cardNumbers(text: string): string[] {
  return [...text.matchAll(/(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)/g)]
    .map((m) => m[0])
    .filter((run) => {
      const digits = run.replace(/\D/g, '');
      let sum = 0;
      for (let i = 0; i < digits.length; i++) {
        let d = Number(digits[digits.length - 1 - i]);
        if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
        sum += d;
      }
      return sum % 10 === 0;
    });
}

/** What the prompt promises never to contain: raw card numbers, SSNs, Chinese resident IDs. */
export function sensitiveFindings(text: string): string[] {
  const found: string[] = [];
  if (cardNumbers(text).length > 0) found.push('card number');
  if (/(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])/.test(text)) found.push('SSN');
  if (/(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/.test(text)) found.push('Chinese ID number');
  return found;
}

export function checkChatRequest(body: ChatRequest, expectedModel: string, forbidden: readonly string[]): string[] {
  const problems: string[] = [];
  if (body.model !== expectedModel) problems.push(`model ${JSON.stringify(body.model)} instead of ${JSON.stringify(expectedModel)}`);
  if (!Array.isArray(body.messages) || body.messages.length === 0) problems.push('no messages');
  for (const [i, message] of (body.messages ?? []).entries()) {
    if (!['system', 'user', 'assistant'].includes(message.role)) problems.push(`message ${i}: role ${message.role}`);
    if (typeof message.content !== 'string') {
      problems.push(`message ${i}: content is not a string`);
      continue;
    }
    for (const finding of sensitiveFindings(message.content)) problems.push(`message ${i}: raw ${finding}`);
    for (const value of forbidden) if (message.content.includes(value)) problems.push(`message ${i}: contains forbidden ${JSON.stringify(value)}`);
  }
  const format = body.response_format;
  if (format?.type !== 'json_schema') problems.push(`response_format.type ${JSON.stringify(format?.type)}`);
  if (format?.json_schema?.strict !== true) problems.push('response_format.json_schema is not strict');
  // Two structured outputs are asked for: a call turn, and a survey answer's reading.
  const expected = format?.json_schema?.name === 'answer_reading' ? answerReadingJsonSchema : turnDecisionJsonSchema;
  if (!isDeepStrictEqual(format?.json_schema?.schema, expected)) problems.push(`response_format schema differs from the ${format?.json_schema?.name ?? 'unnamed'} schema`);
  return problems;
}

export async function startScriptedOpenAiServer(options: { model: string; script?: Script }): Promise<ScriptedOpenAiServer> {
  const requests: RecordedRequest[] = [];
  const forbidden: string[] = [];
  let script: Script = options.script ?? (() => ({ content: 'no script' }));
  const timers = new Set<NodeJS.Timeout>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== 'POST' || req.url?.split('?')[0] !== '/v1/chat/completions') {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
      return;
    }
    let body: ChatRequest;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequest;
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'invalid JSON body' } }));
      return;
    }
    const index = requests.length;
    requests.push({ index, body, problems: checkChatRequest(body, options.model, forbidden) });
    const answer = script(body, index);
    if (answer.delayMs) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => (timers.delete(timer), resolve()), answer.delayMs);
        timers.add(timer);
      });
      if (res.destroyed || req.socket.destroyed) return; // the client gave up (its timeout)
    }
    const content = typeof answer.content === 'string' ? answer.content : JSON.stringify(answer.content);
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        id: `chatcmpl-scripted-${index}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop', logprobs: null }],
        usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
      }),
    );
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: String(err) } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    problems: () => requests.flatMap((r) => r.problems.map((p) => `request ${r.index}: ${p}`)),
    setScript(next) {
      script = next;
    },
    forbid(...values) {
      forbidden.push(...values);
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
