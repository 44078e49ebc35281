import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { AppError } from '../../errors/app-error';
import { consoleAssetsPrefix } from '../access/route-access';

// The operator console: a single page (console/, bundled into dist/console by setup) that reads
// the same API as every other client, with the console's sign-in cookie. The page and its assets
// hold no data, so they are public; every call they make is checked like any other.

const built = path.join(packageRoot(__dirname), 'dist/console');

/** Scripts and styles from this origin only; the live channel and the API on it too. */
const pageHeaders = {
  'content-security-policy': "default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};

export async function consoleRoutes(app: FastifyInstance): Promise<void> {
  if (!existsSync(path.join(built, 'index.html'))) {
    const notBuilt = async () => {
      throw new AppError('console_not_built', 'the console is not built: run `npm run setup` (it bundles console/ into dist/console)', 503);
    };
    app.get('/console', notBuilt);
    app.get('/console/*', notBuilt);
    return;
  }
  const page = readFileSync(path.join(built, 'index.html'));
  const sendPage = (reply: FastifyReply) => reply.headers(pageHeaders).type('text/html; charset=utf-8').send(page);
  await app.register(fastifyStatic, { root: path.join(built, 'assets'), prefix: consoleAssetsPrefix, decorateReply: false, maxAge: '1h' });
  // Every console path is the one page; it reads the path and shows that view.
  app.get('/console', async (_request, reply) => sendPage(reply));
  app.get('/console/*', async (_request, reply) => sendPage(reply));
}

/** The folder holding package.json above `dir`: the clone when run from source, /app in the image (which runs from dist/). */
function packageRoot(dir: string): string {
  for (let at = dir; ; at = path.dirname(at)) {
    if (existsSync(path.join(at, 'package.json'))) return at;
    if (path.dirname(at) === at) return dir;
  }
}
