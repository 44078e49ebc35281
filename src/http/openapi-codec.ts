import { common, failure, formContent, html, jsonContent, ok, requestSchema, text, type JsonSchema } from './openapi-json-schema';
import { codecBody } from './routes/codec.routes';

// The Remote Codec Endpoint of the Temporal Web UI and CLI, and the browser sign-in that lets the
// UI call it with a person's credential.

const signInForm = {
  type: 'object',
  required: ['key'],
  properties: {
    key: { type: 'string', description: "An auditor's or admin's API key" },
    next: { type: 'string', description: 'Where to go once signed in: a path on this service, or a page of a configured UI origin (CODEC_CORS_ORIGINS)' },
  },
};

export const codecPaths: Record<string, JsonSchema> = {
  ...Object.fromEntries(
    (['decode', 'encode'] as const).map((direction) => [
      `/codec/${direction}`,
      {
        post: {
          summary:
            direction === 'decode'
              ? "Decrypt workflow payloads: the Temporal Web UI's and CLI's Remote Codec Endpoint (set it to <this API>/codec). A browser signed in at /codec/sign-in sends its cookie instead of a bearer."
              : 'Encrypt payloads with the current key (the UI does this to send a signal)',
          tags: ['operations'],
          parameters: [{ name: 'X-Namespace', in: 'header', required: false, schema: text }],
          requestBody: { required: true, content: jsonContent(requestSchema(codecBody)) },
          responses: { 200: ok('The payloads, in the same order', { type: 'object' }), ...common, 404: failure('No payload keys are configured') },
        },
      },
    ]),
  ),
  '/codec/sign-in': {
    get: { summary: 'The sign-in page for reading decoded payloads in the Temporal Web UI', tags: ['operations'], responses: { 200: html('A form that takes an API key') } },
    post: {
      summary: "Sign a browser in to the codec: an auditor's or admin's key, kept in an HttpOnly, SameSite=Strict cookie on /codec for 8 hours",
      tags: ['operations'],
      requestBody: { required: true, content: formContent(signInForm) },
      responses: {
        200: html('Signed in'),
        303: { description: 'Signed in; on to `next`' },
        400: html('No key given'),
        401: html('The key is not valid; the page says why'),
        403: html('The key is neither an auditor’s nor an admin’s'),
      },
    },
  },
  '/codec/sign-out': { post: { summary: 'Forget the sign-in cookie', tags: ['operations'], responses: { 200: html('Signed out') } } },
};
