import { common, failure, html, jsonContent, ok, type JsonSchema } from './openapi-json-schema';

// The operator console: its page and bundle (no data in either), and the sign-in that lets the
// browser call this API with a person's key.

const session = {
  type: 'object',
  required: ['actor', 'role'],
  properties: { actor: { type: 'string', description: 'key:<name> or oidc:<subject>' }, role: { type: 'string', enum: ['auditor', 'agent', 'operator', 'admin'] } },
};

const consolePage = { get: { summary: 'The operator console (one page that reads its path)', tags: ['console'], responses: { 200: html('The console'), 503: failure('The console is not built: run npm run setup') } } };

export const consolePaths: Record<string, JsonSchema> = {
  '/console': consolePage,
  '/console/*': consolePage,
  '/console/assets/*': { get: { summary: "The console's script and stylesheet", tags: ['console'], responses: { 200: { description: 'A bundled asset' }, 404: failure('No such asset') } } },
  '/console/session': {
    post: {
      summary:
        "Sign a browser in to the console with any role's API key or an OIDC access token: kept in an HttpOnly, SameSite=Strict cookie for 8 hours, which the API then accepts only with the x-parley-console header (and on the live channel)",
      tags: ['console'],
      requestBody: { required: true, content: jsonContent({ type: 'object', required: ['key'], properties: { key: { type: 'string' } } }) },
      responses: { 200: ok('Signed in', session), 400: failure('No key given'), 401: failure('The key is not valid; the message says why') },
    },
    get: { summary: 'Who the console is signed in as', tags: ['console'], responses: { 200: ok('The signed-in person', session), ...common } },
  },
  '/console/session/sign-out': { post: { summary: "Forget the console's cookie", tags: ['console'], responses: { 204: { description: 'Signed out' } } } },
};
