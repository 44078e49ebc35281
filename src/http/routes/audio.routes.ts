import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { AppError } from '../../errors/app-error';
import { parseRequest } from '../request-input';

// Synthesized replies (SPEECH_ENGINE=local or openai), fetched by Twilio's <Play>. No signature:
// Twilio does not sign media fetches; the clip id is a random UUID, so only the call that was given
// the URL can find the clip.

export const audioParams = z.strictObject({ clipId: z.uuid('must be a clip id') });

export async function audioRoutes(app: FastifyInstance, deps: Pick<AppDeps, 'mongo'>): Promise<void> {
  app.get('/audio/:clipId', async (request, reply) => {
    const { clipId } = parseRequest(audioParams, request.params);
    const clip = await deps.mongo.repositories.speechClips.audio(clipId);
    if (!clip) throw new AppError('not_found', `no audio clip ${clipId}`, 404);
    // A clip never changes once stored: Twilio may cache it for the rest of the call.
    return reply.type(clip.contentType).header('cache-control', 'private, max-age=3600, immutable').send(clip.audio);
  });
}
