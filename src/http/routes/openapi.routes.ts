import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app-deps';
import { openApiDocument } from '../openapi';

/** GET /openapi.json: the API's OpenAPI 3.1 document. */
export async function openApiRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const document = openApiDocument(deps.config.http.publicBaseUrl);
  app.get('/openapi.json', async () => document);
}
