import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import type { TokenCheck } from '../../auth/oidc';
import { allows } from '../../auth/roles';
import { escapeXml } from '../twiml';
import { sendPage, withPageHeaders } from '../payment-pages';
import { clearSessionCookie, sessionHours, setSessionCookie } from '../access/session-cookie';

// Signing in to the codec from a browser: the Temporal Web UI then shows this person decoded
// payloads (it calls /codec with the cookie this sets), and ciphertext to anyone who has not.

const signInForm = z.object({
  key: z.string().trim().min(1, 'paste an API key').max(512),
  next: z.string().max(2048).optional(),
});

/** Only back into this service (the dev UI is served under it) or to a configured UI origin: never an open redirect. */
function safeNext(next: string | undefined, uiOrigins: readonly string[]): string | undefined {
  if (!next) return undefined;
  if (next.startsWith('/') && !next.startsWith('//') && !next.includes('\\')) return next;
  try {
    return uiOrigins.includes(new URL(next).origin) ? next : undefined;
  } catch {
    return undefined;
  }
}

function formPage(reply: FastifyReply, status: number, next: string | undefined, problem?: string): FastifyReply {
  const note = problem ? `<p role="alert"><strong>${escapeXml(problem)}</strong></p>` : '';
  return sendPage(
    withPageHeaders(reply),
    status,
    'Sign in to read encrypted payloads',
    `${note}<p>Workflow histories are encrypted. Paste an auditor's or admin's API key (from <code>parley keys create</code>, or <code>adminApiKey</code> in the dev secrets file) and the Temporal Web UI in this browser shows them decoded for ${sessionHours} hours.</p>
<form method="post" action="/codec/sign-in"><input type="hidden" name="next" value="${escapeXml(next ?? '')}">
<label>API key <input name="key" type="password" autocomplete="off" required></label> <button type="submit">Sign in</button></form>`,
  );
}

export async function codecSignInRoutes(app: FastifyInstance, deps: AppDeps, authenticate: (credential: string) => Promise<TokenCheck>): Promise<void> {
  const secure = deps.config.http.publicBaseUrl.startsWith('https://');
  const origins = deps.config.codec.corsOrigins;

  app.get('/codec/sign-in', async (request, reply) => formPage(reply, 200, safeNext((request.query as { next?: string }).next, origins)));

  app.post('/codec/sign-in', async (request, reply) => {
    const parsed = signInForm.safeParse(request.body ?? {});
    const next = safeNext(parsed.data?.next ?? (request.body as { next?: string } | undefined)?.next, origins);
    if (!parsed.success) return formPage(reply, 400, next, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const check = await authenticate(parsed.data.key);
    if (!check.ok) return formPage(reply, 401, next, check.reason);
    if (!allows(check.principal.role, 'audit')) return formPage(reply, 403, next, `${check.principal.actor} is ${check.principal.role}; decoded payloads are for an auditor or an admin`);
    setSessionCookie(reply, parsed.data.key, secure);
    request.log.info({ actor: check.principal.actor }, 'signed in to the codec');
    if (next) return withPageHeaders(reply).redirect(next, 303);
    return sendPage(withPageHeaders(reply), 200, 'Signed in', `<p>Signed in as ${escapeXml(check.principal.actor)}. The Temporal Web UI in this browser now shows payloads decoded.</p>`);
  });

  app.post('/codec/sign-out', async (_request, reply) => {
    clearSessionCookie(reply, secure);
    return sendPage(withPageHeaders(reply), 200, 'Signed out', '<p>The Temporal Web UI in this browser shows payloads encrypted again.</p>');
  });
}
