import type { FastifyInstance } from 'fastify';
import cors from '@fastify/cors';
import { z } from 'zod';
import type { Payload } from '@temporalio/common';
import type { AppDeps } from '../app-deps';
import { AppError } from '../../errors/app-error';
import { parseRequest } from '../request-input';
import { EncryptionCodec } from '../../temporal/codec/encryption-codec';
import { configuredKeyRing } from '../../temporal/codec/data-converter';

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');
export const codecBody = z.strictObject({
  payloads: z.array(z.object({ metadata: z.record(z.string(), base64).optional(), data: base64.optional() })).max(1000),
});

const fromJson = (p: z.infer<typeof codecBody>['payloads'][number]): Payload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
  data: Buffer.from(p.data ?? '', 'base64'),
});
const toJson = (p: Payload) => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v ?? new Uint8Array()).toString('base64')])),
  data: Buffer.from(p.data ?? new Uint8Array()).toString('base64'),
});

/**
 * The Temporal Web UI's and CLI's Remote Codec Endpoint: `POST /codec/decode` shows a person with
 * a credential the payloads of a history in clear; `/codec/encode` lets an admin write one (to
 * signal from the UI). CORS admits the configured UI origins only.
 */
export async function codecRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const ring = configuredKeyRing(deps.config.temporal.payloadKeys);
  const codec = ring && new EncryptionCodec(ring);
  await app.register(async (scope) => {
    await scope.register(cors, {
      origin: [...deps.config.codec.corsOrigins],
      methods: ['POST'],
      allowedHeaders: ['content-type', 'authorization', 'x-namespace'],
      credentials: true,
      maxAge: 600,
    });
    for (const direction of ['encode', 'decode'] as const) {
      scope.post(`/codec/${direction}`, { config: { sessionCookie: true } }, async (request) => {
        if (!codec) throw new AppError('not_configured', 'no payload keys are configured (TEMPORAL_PAYLOAD_KEYS): payloads are not encrypted here', 404);
        const { payloads } = parseRequest(codecBody, request.body);
        const done = await codec[direction](payloads.map(fromJson));
        return { payloads: done.map(toJson) };
      });
    }
  });
}
