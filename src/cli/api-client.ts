import { Readable } from 'node:stream';
import { Agent } from 'undici';

// The CLI's commands that work on a running service go through its HTTP API, like any client.

export interface ApiResponse {
  status: number;
  /** Parsed JSON, or the text of a response that is not JSON. */
  body: unknown;
}

/** The service did not answer at all (exit code 1), as opposed to answering with an error. */
class ApiUnreachableError extends Error {
  override readonly name = 'ApiUnreachableError';
}

interface ApiProblem {
  error?: string;
  message?: string;
  details?: Array<{ path: string; message: string }>;
}

/**
 * An import answers when its last row is in, which for a large file on a busy service takes longer
 * than fetch's 5 minutes without response headers: uploads wait as long as the service works.
 */
const patientDispatcher = new Agent({ headersTimeout: 0, bodyTimeout: 0 });

export class ApiClient {
  /** `apiKey`: PARLEY_API_KEY, sent as a bearer credential (absent: the service answers 401, which says so). */
  constructor(
    readonly baseUrl: string,
    private readonly apiKey?: string,
  ) {}

  async get(path: string): Promise<ApiResponse> {
    return this.fetch(path, { method: 'GET' });
  }

  /** A request whose body is text of the given type (a campaign document). */
  async sendText(method: string, path: string, contentType: string, text: string): Promise<ApiResponse> {
    return this.fetch(path, { method, headers: { 'content-type': contentType }, body: text });
  }

  /** Streams `content` as the request body (sent as it is read: `content` may be a file of any size). */
  async upload(path: string, contentType: string, content: Readable): Promise<ApiResponse> {
    return this.fetch(path, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: Readable.toWeb(content) as ReadableStream,
      // Node's fetch requires this for a stream body: the request is sent while the response may already begin.
      duplex: 'half',
      dispatcher: patientDispatcher,
    } as RequestInit);
  }

  private async fetch(path: string, init: RequestInit): Promise<ApiResponse> {
    let response: Response;
    const headers = { ...(init.headers as Record<string, string> | undefined), ...(this.apiKey ? { authorization: `Bearer ${this.apiKey}` } : {}) };
    try {
      response = await fetch(`${this.baseUrl}${path}`, { ...init, headers });
    } catch (err) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      throw new ApiUnreachableError(`cannot reach the Parley API at ${this.baseUrl} (${cause?.code ?? cause?.message ?? (err as Error).message}); set PARLEY_API_URL`);
    }
    const text = await response.text();
    const isJson = response.headers.get('content-type')?.includes('json') ?? false;
    return { status: response.status, body: isJson && text !== '' ? JSON.parse(text) : text };
  }
}

/** An error response as lines for a person: the message, then each field at fault. */
function describeProblem(response: ApiResponse): string {
  const problem = (typeof response.body === 'object' && response.body !== null ? response.body : { message: String(response.body) }) as ApiProblem;
  const lines = [`${problem.message ?? `HTTP ${response.status}`}`];
  if (response.status === 401) lines.push('  set PARLEY_API_KEY to a key from `parley keys create` (under `parley dev`: the file it printed at start)');
  for (const detail of problem.details ?? []) lines.push(`  ${detail.path}: ${detail.message}`);
  return lines.join('\n');
}

/**
 * Prints an error response and returns the exit code: 2 for a request the service refused (bad
 * input: fix and retry), and for a failure on the service's side, an error (exit code 1).
 */
export function reportFailure(response: ApiResponse): number {
  if (response.status >= 500) throw new Error(`the service failed (HTTP ${response.status}): ${describeProblem(response)}`);
  process.stderr.write(`${describeProblem(response)}\n`);
  return 2;
}
