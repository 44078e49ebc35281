// Every call the console makes: the same API any client uses, with the console's cookie (sent by
// the browser) and the header that lets the service accept it.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body?: unknown,
  ) {
    super(message);
  }
}

const consoleHeaders = { 'x-parley-console': '1' };

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: { ...consoleHeaders, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const parsed = text ? safeJson(text) : undefined;
  if (!response.ok) throw new ApiError(response.status, messageOf(parsed, response), parsed);
  return parsed as T;
}

/** A file sent as it is read, with the share of it sent so far; the answer is the route's JSON (any status). */
export function upload<T>(path: string, file: File, contentType: string, onProgress: (sent: number) => void): Promise<{ status: number; body: T }> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.setRequestHeader('content-type', contentType);
    for (const [name, value] of Object.entries(consoleHeaders)) request.setRequestHeader(name, value);
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.onload = () => resolve({ status: request.status, body: safeJson(request.responseText) as T });
    request.onerror = () => reject(new ApiError(0, 'the service could not be reached'));
    request.send(file);
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function messageOf(body: unknown, response: Response): string {
  if (body && typeof body === 'object' && 'message' in body && typeof body.message === 'string') return body.message;
  return `${response.status} ${response.statusText}`;
}
