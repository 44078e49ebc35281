import type { FastifyReply, FastifyRequest } from 'fastify';

// Browsers cannot add an Authorization header where Parley needs one, so a person signs in once
// and the browser sends their credential as a cookie:
// - the Temporal Web UI's calls to /codec (the codec cookie, on /codec only);
// - the operator console (the console cookie), on any route, but only when the request says it
//   comes from the console (the x-parley-console header, which a cross-site form cannot send
//   and a cross-site script cannot send without a CORS preflight this service refuses), or on the
//   few GET routes a browser opens itself (the live channel: EventSource sends no headers).
// The cookie holds the API key itself: it is checked like a bearer on every call, so a revoked key
// stops working in the browser as it stops working on the API, and nothing else needs storing.
// HttpOnly keeps it from scripts; SameSite=Strict keeps other sites' pages from riding on it.

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route takes the codec's sign-in cookie when no Authorization header came. */
    sessionCookie?: boolean;
    /** The route takes the console's cookie without the console's header (a GET a browser opens itself). */
    consoleCookie?: boolean;
  }
}

/** The header the console sends with every call it makes. */
export const consoleHeader = 'x-parley-console';

const maxAgeSeconds = 8 * 3600;
const cookies = {
  codec: { name: 'parley_session', path: '/codec' },
  console: { name: 'parley_console', path: '/' },
} as const;
export type SessionKind = keyof typeof cookies;

/** The signed-in credential, on a route that takes it. */
export function sessionCredentialOf(request: FastifyRequest): string | undefined {
  const config = request.routeOptions.config;
  if (config.sessionCookie && request.cookies[cookies.codec.name]) return request.cookies[cookies.codec.name];
  if (config.consoleCookie || request.headers[consoleHeader] !== undefined) return request.cookies[cookies.console.name] || undefined;
  return undefined;
}

export function setSessionCookie(reply: FastifyReply, credential: string, secure: boolean, kind: SessionKind = 'codec'): void {
  const { name, path } = cookies[kind];
  void reply.setCookie(name, credential, { path, httpOnly: true, sameSite: 'strict', secure, maxAge: maxAgeSeconds });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean, kind: SessionKind = 'codec'): void {
  const { name, path } = cookies[kind];
  void reply.clearCookie(name, { path, httpOnly: true, sameSite: 'strict', secure });
}

export const sessionHours = maxAgeSeconds / 3600;
