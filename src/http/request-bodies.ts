import type { FastifyInstance } from 'fastify';
import type { AppDeps } from './app-deps';
import { enforceBodyLimit } from './request-input';
import { AppError } from '../errors/app-error';
import type { CampaignDocumentFormat } from '../campaigns/campaign-document';
import type { FieldError } from '../campaigns/document-validation';
import { campaignRejection } from '../use-cases/campaigns';
import type { ImportFile, ImportOptions, ImportReport } from '../use-cases/row-import';
import { actorOf } from './access/auth-guard';

// The two kinds of body the outreach routes take besides small JSON, and the routes that take
// them: a document (a campaign or a survey, YAML or JSON) to validate or apply, and an import file
// (CSV, a JSON array, NDJSON) of people (debtors, respondents). Campaigns and surveys, debtors and
// respondents are read alike.

export const documentTypes = { 'application/json': 'json', 'application/yaml': 'yaml', 'text/yaml': 'yaml' } as const;
export const importTypes = { 'text/csv': 'csv', 'application/json': 'json', 'application/x-ndjson': 'ndjson' } as const;

/**
 * An import may be this many times the general body limit (1 MiB by default: 256 MiB, over a
 * million rows). It is streamed, so its size costs time, not memory.
 */
const importBodyLimitFactor = 256;

interface DocumentBody {
  text: string;
  format: CampaignDocumentFormat;
}

/** A kind of outreach document and what the routes do with one. */
interface DocumentKind {
  /** The routes are under /campaigns, with the path parameter campaignId (/surveys, surveyId). */
  what: 'campaign' | 'survey';
  validate(text: string, format: CampaignDocumentFormat): { ok: true } | { ok: false; unreadable: boolean; errors: FieldError[] };
  /** `actor`: who applied it, kept with the version. */
  apply(text: string, format: CampaignDocumentFormat, actor: string): Promise<{ created: boolean }>;
  /** A stored version: the latest, or the one the query asks for. */
  read(params: unknown, query: unknown): Promise<unknown>;
}

/**
 * `POST /{what}s/validate` (200, or 422 with every field error), `PUT /{what}s` (201 a new version,
 * 200 unchanged) and `GET /{what}s/{{what}Id}[?version=N]`, in a scope whose other routes may read
 * documents too. Documents are kept as text and parsed by the document reader, so a syntax error
 * is answered with its line and column; JSON bodies are read the same way.
 */
export function documentRoutes(scope: FastifyInstance, kind: DocumentKind): void {
  const path = `/${kind.what}s`;
  scope.addHook('preParsing', enforceBodyLimit);
  // Only document bodies: a text or form body would otherwise reach the routes parsed as something else.
  scope.removeAllContentTypeParsers();
  for (const [contentType, format] of Object.entries(documentTypes)) {
    scope.addContentTypeParser(contentType, { parseAs: 'string' }, (_request, text, done) => done(null, { text, format }));
  }
  const accepted = Object.keys(documentTypes).join(', ');
  scope.addContentTypeParser('*', (request, _payload, done) => {
    const sent = request.headers['content-type'] ?? 'none';
    done(new AppError('unsupported_media_type', `send the ${kind.what} document typed ${accepted} (the body was typed ${sent})`, 415), undefined);
  });

  scope.post(`${path}/validate`, async (request, reply) => {
    const { text, format } = documentBody(request.body, kind.what);
    const checked = kind.validate(text, format);
    if (checked.ok) return { valid: true };
    if (checked.unreadable) throw campaignRejection(checked);
    return reply.code(422).send({ valid: false, errors: checked.errors });
  });

  scope.put(path, async (request, reply) => {
    const { text, format } = documentBody(request.body, kind.what);
    const applied = await kind.apply(text, format, actorOf(request));
    return reply.code(applied.created ? 201 : 200).send(applied);
  });

  scope.get(`${path}/:${kind.what}Id`, async (request) => kind.read(request.params, request.query));
}

function documentBody(body: unknown, what: string): DocumentBody {
  const document = body as DocumentBody | undefined;
  if (!document || document.text.trim() === '') {
    throw new AppError('bad_request', `send the ${what} document as the body, typed ${Object.keys(documentTypes).join(', ')}`, 400);
  }
  return document;
}

/** An import route: `run` imports the file into the owner the path parameters name. */
interface ImportRoute {
  url: string;
  /** What is imported, for the log: 'debtors', 'respondents'. */
  what: string;
  run(params: unknown, file: ImportFile, options: ImportOptions): Promise<ImportReport>;
}

/**
 * Registers an import route in a scope of its own, with the larger import body limit. The upload
 * is handed over as a stream and read row by row, never held whole.
 */
export async function importRoute(app: FastifyInstance, deps: AppDeps, route: ImportRoute): Promise<void> {
  await app.register(async (scope) => {
    scope.addHook('preParsing', enforceBodyLimit);
    scope.removeAllContentTypeParsers();
    for (const [contentType, format] of Object.entries(importTypes)) {
      scope.addContentTypeParser(contentType, (_request, payload, done) => done(null, { format, stream: payload }));
    }

    scope.post(route.url, { bodyLimit: deps.config.http.bodyLimitBytes * importBodyLimitFactor }, async (request) => {
      const file = request.body as ImportFile | undefined;
      if (!file) throw new AppError('bad_request', `send the file as the body, typed ${Object.keys(importTypes).join(', ')}`, 400);
      return route.run(request.params, file, {
        concurrency: deps.config.import.concurrency,
        onProgress: ({ rows, started, alreadyImported, rejected, failed }) =>
          request.log.info({ ...(request.params as object), rows, started, alreadyImported, rejected, failed }, `importing ${route.what}`),
      });
    });
  });
}
