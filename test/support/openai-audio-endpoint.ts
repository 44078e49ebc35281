import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

// A stand-in for OpenAI's audio endpoints (speech, transcriptions) that keeps every request for the
// test to check. Chat completions are not served here: see scripted-openai-server.ts.

export interface SeenRequest {
  path: string;
  contentType: string;
  authorization?: string;
  json?: Record<string, unknown>;
  form?: FormData;
}

export type AudioEndpointReply = { status: number; body: Buffer | object };

/** Records each request and answers what `reply` returns for it. */
export async function startAudioEndpoint(reply: (request: SeenRequest) => AudioEndpointReply | Promise<AudioEndpointReply>) {
  const seen: SeenRequest[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      // Node's request handler cannot wait for a promise; a failure in `reply` surfaces as the test
      // process's unhandled rejection, which fails the test.
      void (async () => {
        const body = Buffer.concat(chunks);
        const contentType = req.headers['content-type'] ?? '';
        const request: SeenRequest = { path: req.url ?? '', contentType, authorization: req.headers.authorization };
        if (contentType.startsWith('application/json')) request.json = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
        if (contentType.startsWith('multipart/form-data')) {
          request.form = await new Request('http://local/', { method: 'POST', headers: { 'content-type': contentType }, body }).formData();
        }
        seen.push(request);
        const answer = await reply(request);
        if (Buffer.isBuffer(answer.body)) res.writeHead(answer.status, { 'content-type': 'audio/wav' }).end(answer.body);
        else res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}/v1`, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

