import { accessOf } from './access/route-access';
import { failure, type JsonSchema } from './openapi-json-schema';
import { describeAccess, type Access } from '../auth/roles';

// Each operation's credentials and role in the OpenAPI document, read from the one access table
// the guard enforces, so the document cannot promise other access than the service gives.

export const securitySchemes = {
  apiKey: { type: 'http', scheme: 'bearer', description: 'A Parley API key (`parley_…`), from `parley keys create` (or the one `parley dev` makes)' },
  oidc: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: "A token from the issuer in OIDC_ISSUER, for OIDC_AUDIENCE, whose role claim (OIDC_ROLE_CLAIM, default 'parley_role') names a Parley role" },
};

const methods = ['get', 'put', 'post', 'delete', 'patch'];

/** `paths` with `security`, `x-parley-role`, 401 and 403 on every operation, from the access table. */
export function withAccess(paths: Record<string, JsonSchema>): Record<string, JsonSchema> {
  return Object.fromEntries(
    Object.entries(paths).map(([path, item]) => {
      const fastifyPath = path.replace(/\{(\w+)\}/g, ':$1');
      const operations = Object.entries(item as Record<string, JsonSchema>).map(([method, operation]) => {
        if (!methods.includes(method)) return [method, operation];
        const access = accessOf(method.toUpperCase(), fastifyPath);
        if (access === undefined) throw new Error(`the OpenAPI document describes ${method.toUpperCase()} ${path}, which the access table does not know`);
        if (access === 'public') return [method, { ...operation, security: [] }];
        const responses = {
          ...(operation as { responses: Record<string, JsonSchema> }).responses,
          401: failure('No credentials, or a key or token that is not valid; the message says which'),
          ...(access === 'read' ? {} : { 403: failure(`The route needs the ${describeAccess(access)}`) }),
        };
        return [method, { ...operation, security: [{ apiKey: [] }, { oidc: [] }], 'x-parley-role': roleNamed(access), responses }];
      });
      return [path, Object.fromEntries(operations)];
    }),
  );
}

function roleNamed(access: Exclude<Access, 'public'>): string {
  if (access === 'read') return 'any';
  return access === 'audit' ? 'auditor or admin' : access;
}
