import { Transform, pipeline, type Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError } from '../errors/app-error';

/**
 * The request part (params, query or body) as the schema reads it, or a 400 naming every bad
 * field, each unknown key on its own ('status[$ne]: is not a known field').
 */
export function parseRequest<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ path: [...path, key].join('.'), message: 'is not a known field' }));
    return [{ path: path.join('.') || '(request)', message: issue.message }];
  });
  throw new AppError('invalid_request', details.map((d) => `${d.path}: ${d.message}`).join('; '), 400, details);
}

/**
 * preParsing hook: refuses a body over the route's limit with a 413 that says what the limit is,
 * before reading it when its length is declared, and as soon as it passes the limit otherwise.
 * The counting stream also guards routes that take the raw stream, which Fastify does not limit.
 */
export async function enforceBodyLimit(request: FastifyRequest, reply: FastifyReply, payload: Readable): Promise<Readable> {
  const limit = request.routeOptions.bodyLimit ?? Infinity;
  const tooLarge = () => {
    // The rest of the body is not read: the connection cannot carry another request.
    reply.header('connection', 'close');
    return bodyTooLarge(limit);
  };
  if (Number(request.headers['content-length']) > limit) throw tooLarge();
  let received = 0;
  const counting = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      if (received > limit) done(tooLarge());
      else done(null, chunk);
    },
  });
  // Errors of either stream reach whoever reads `counting`.
  return pipeline(payload, counting, () => undefined);
}

function bodyTooLarge(limit: number): AppError {
  const size = limit >= 1024 * 1024 ? `${+(limit / 1024 / 1024).toFixed(1)} MiB` : `${+(limit / 1024).toFixed(1)} KiB`;
  return new AppError('body_too_large', `The request body is larger than this endpoint accepts (${size}, ${limit} bytes).`, 413);
}

/** An E.164 number a form field carries (Twilio's `To` and `From`, which the webhook contracts do not read), if it holds one. */
export function formPhone(request: FastifyRequest, field: 'To' | 'From'): string | undefined {
  const value = (request.body as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'string' && /^\+\d{7,15}$/.test(value) ? value : undefined;
}
