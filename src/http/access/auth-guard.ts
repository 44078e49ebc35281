import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../errors/app-error';
import { allows, describeAccess, type Principal } from '../../auth/roles';
import type { TokenCheck } from '../../auth/oidc';
import { accessOf } from './route-access';
import { maskedForAuditor } from './auditor-view';
import { sessionCredentialOf } from './session-cookie';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who made the request; set on every route but the public ones (and on those when a valid credential came). */
    principal?: Principal;
  }
}

/**
 * Registers, before any route: the refusal to build an app with a route whose access is not
 * declared, the credential check on every request, and the auditor's masked view of answers.
 */
export function registerAuthGuard(app: FastifyInstance, authenticate: (credential: string) => Promise<TokenCheck>): void {
  app.decorateRequest('principal', undefined);

  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (accessOf(method, route.url) === undefined) {
        throw new Error(`${method} ${route.url} declares no access: add it to src/http/access/route-access.ts`);
      }
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    const access = accessOf(request.method, request.routeOptions.url ?? '');
    if (access === undefined) return; // no such route: the 404 says so
    const credential = bearerOf(request) ?? sessionCredentialOf(request);
    const check = credential === undefined ? undefined : await authenticate(credential).catch((err: unknown) => {
      // A public route answers without the database; a protected one cannot be opened without it.
      if (access === 'public') return undefined;
      request.log.error({ err }, 'credentials could not be checked');
      throw new AppError('unavailable', 'credentials cannot be checked right now; try again shortly', 503);
    });
    if (check?.ok) request.principal = check.principal;
    if (access === 'public') return;
    if (!check?.ok) {
      reply.header('www-authenticate', 'Bearer realm="parley"');
      const reason = check ? check.reason : 'this route needs credentials: send "Authorization: Bearer <API key or token>"';
      throw new AppError('unauthorized', reason, 401);
    }
    if (!allows(check.principal.role, access)) {
      throw new AppError('forbidden', `${request.method} ${request.routeOptions.url} needs the ${describeAccess(access)}; ${check.principal.actor} has ${check.principal.role}`, 403);
    }
  });

  app.addHook('preSerialization', async (request: FastifyRequest, _reply, payload) => (request.principal?.role === 'auditor' ? maskedForAuditor(payload) : payload));
}

function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  // A malformed header is a bad credential, not an absent one.
  return match ? match[1] : header;
}

/** Who made a request to a protected route (the guard let it through, so there is one). */
export function actorOf(request: FastifyRequest): string {
  return principalOf(request).actor;
}

/** Who made a request to a protected route, with their role (the guard let it through, so there is one). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Error(`${request.method} ${request.url}: no principal on a route that acts for someone`);
  return request.principal;
}
