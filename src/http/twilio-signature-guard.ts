import type { FastifyReply, FastifyRequest } from 'fastify';
import { isValidTwilioSignature } from '../adapters/twilio/twilio-signature';

/**
 * A preHandler that answers 403 unless the request carries Twilio's signature for our public URL.
 * The URL is rebuilt from PUBLIC_BASE_URL, not from the Host header: behind a proxy the two differ
 * and Twilio signed the public one.
 */
export function twilioSignatureGuard(options: { authToken: string | undefined; publicBaseUrl: string }) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const header = request.headers['x-twilio-signature'];
    const valid =
      options.authToken !== undefined &&
      isValidTwilioSignature({
        authToken: options.authToken,
        signature: typeof header === 'string' ? header : undefined,
        url: `${options.publicBaseUrl}${request.url}`,
        params: (request.body as Record<string, string>) ?? {},
      });
    if (!valid) {
      request.log.warn({ url: request.url }, 'webhook refused: missing or wrong X-Twilio-Signature');
      return reply.code(403).send({ error: 'forbidden', message: 'missing or invalid X-Twilio-Signature' });
    }
  };
}
