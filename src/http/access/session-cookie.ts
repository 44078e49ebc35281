import type { FastifyReply, FastifyRequest } from 'fastify';

// A browser cannot add an Authorization header to the Temporal Web UI's calls to /codec, so a
// person signs in once and the browser sends their credential as a cookie, on the codec's routes
// only. The cookie holds the API key itself: it is checked like a bearer on every call, so a
// revoked key stops decoding as it stops working on the API, and nothing else needs storing. HttpOnly keeps it from
// scripts; SameSite=Strict keeps other sites' pages from riding on it.

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route takes the sign-in cookie when no Authorization header came. */
    sessionCookie?: boolean;
  }
}

const cookieName = 'parley_session';
const path = '/codec';
const maxAgeSeconds = 8 * 3600;

/** The signed-in credential, on a route that takes it. */
export function sessionCredentialOf(request: FastifyRequest): string | undefined {
  if (!request.routeOptions.config.sessionCookie) return undefined;
  return request.cookies[cookieName] || undefined;
}

export function setSessionCookie(reply: FastifyReply, credential: string, secure: boolean): void {
  void reply.setCookie(cookieName, credential, { path, httpOnly: true, sameSite: 'strict', secure, maxAge: maxAgeSeconds });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  void reply.clearCookie(cookieName, { path, httpOnly: true, sameSite: 'strict', secure });
}

export const sessionHours = maxAgeSeconds / 3600;
