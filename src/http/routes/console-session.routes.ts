import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import type { TokenCheck } from '../../auth/oidc';
import { AppError } from '../../errors/app-error';
import { parseRequest } from '../request-input';
import { clearSessionCookie, setSessionCookie } from '../access/session-cookie';

// Signing in to the operator console: a person pastes the API key they were given (an agent's, an
// operator's, an auditor's, an admin's) or an OIDC access token, and the browser keeps it in the
// console's cookie. What the console then shows and offers follows the role this answers with.

const signIn = z.object({ key: z.string().trim().min(1, 'paste an API key or an access token').max(4096) });

export async function consoleSessionRoutes(app: FastifyInstance, deps: AppDeps, authenticate: (credential: string) => Promise<TokenCheck>): Promise<void> {
  const secure = deps.config.http.publicBaseUrl.startsWith('https://');

  app.post('/console/session', async (request, reply) => {
    const { key } = parseRequest(signIn, request.body ?? {});
    const check = await authenticate(key);
    if (!check.ok) throw new AppError('unauthorized', `key: ${check.reason}`, 401);
    setSessionCookie(reply, key, secure, 'console');
    request.log.info({ actor: check.principal.actor }, 'signed in to the console');
    return { actor: check.principal.actor, role: check.principal.role };
  });

  app.get('/console/session', { config: { consoleCookie: true } }, async (request) => {
    const principal = request.principal!;
    return { actor: principal.actor, role: principal.role };
  });

  app.post('/console/session/sign-out', async (_request, reply) => {
    clearSessionCookie(reply, secure, 'console');
    return reply.code(204).send();
  });
}
