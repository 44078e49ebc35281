import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app-deps';
import { maskedForAuditor } from '../access/auditor-view';
import { streamLive } from '../../live/live-stream';

// The console's Live page's channel: server-sent events from this process's live hub
// (src/live/live-hub.ts). The browser opens it with EventSource, which cannot send the console's
// header, so this GET takes the console's cookie alone (consoleCookie, access/session-cookie.ts).
// That is safe here: the route changes nothing, so a cross-site request riding on the cookie
// could only read, and SameSite=Strict keeps the cookie off other sites' requests, while CORS
// (refused by this service) keeps their scripts from reading the answer.

export async function liveRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const open = new Set<() => void>();
  // Open streams would keep the server from closing.
  app.addHook('preClose', async () => {
    for (const end of open) end();
  });

  app.get('/console/live/events', { config: { consoleCookie: true } }, async (request, reply) => {
    const auditor = request.principal?.role === 'auditor';
    reply.hijack();
    const end = streamLive(deps.live, reply.raw, { view: auditor ? maskedForAuditor : (value) => value });
    open.add(end);
    reply.raw.on('close', () => open.delete(end));
  });
}
