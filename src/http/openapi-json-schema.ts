import { z } from 'zod';
import { documentTypes, importTypes } from './request-bodies';

// Building blocks of the OpenAPI document: JSON Schema generated from the zod schemas the routes
// parse with, and the response shapes the routes share.

export type JsonSchema = Record<string, unknown>;

/** JSON Schema 2020-12 of what a client sends (defaults make fields optional), as OpenAPI 3.1 embeds it. */
export function requestSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

export function parameters(schema: z.ZodType, where: 'path' | 'query' | 'header'): JsonSchema[] {
  const json = requestSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    ...(property.description ? { description: property.description } : {}),
    schema: property,
  }));
}

export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
export const jsonContent = (schema: JsonSchema) => ({ 'application/json': { schema } });
export const ok = (description: string, schema: JsonSchema) => ({ description, content: jsonContent(schema) });
export const failure = (description: string) => ({ description, content: jsonContent(ref('Error')) });
export const text = { type: 'string' };
export const formContent = (schema: JsonSchema) => ({ 'application/x-www-form-urlencoded': { schema } });
export const html = (description: string) => ({ description, content: { 'text/html': { schema: text } } });

export const common = {
  400: failure('A parameter or the body is malformed; `details` names each bad field'),
  413: failure('The body is larger than the endpoint accepts'),
};

/** What `documentPaths` needs of a kind of outreach document. */
interface DocumentPaths {
  /** Paths /campaigns and /campaigns/{campaignId}; components CampaignDocument, CampaignApplied, StoredCampaign (or Survey). */
  what: 'campaign' | 'survey';
  params: z.ZodType;
  query: z.ZodType;
  /** Where an example document is. */
  example: string;
  applySummary: string;
  /** The 404 of a read: what else than a missing document it means. */
  notFound: string;
}

/** `POST /{what}s/validate`, `PUT /{what}s` and `GET /{what}s/{{what}Id}` of a kind of outreach document. */
export function documentPaths(kind: DocumentPaths): Record<string, JsonSchema> {
  const path = `/${kind.what}s`;
  const Kind = kind.what[0].toUpperCase() + kind.what.slice(1);
  const requestBody = {
    required: true,
    description: `A ${kind.what} document (see ${kind.example}): JSON, or YAML/JSON text`,
    content: Object.fromEntries(Object.keys(documentTypes).map((type) => [type, { schema: type === 'application/json' ? ref(`${Kind}Document`) : text }])),
  };
  const unreadable = failure('The text is not YAML/JSON, or its aliases do not resolve; the message gives the line and column');
  const unsupported = failure(`Not ${Object.keys(documentTypes).join(', ')}`);
  const tags = [`${kind.what}s`];
  const validate = {
    summary: `Check a ${kind.what} document without saving it`,
    tags,
    requestBody,
    responses: {
      200: ok('The document is valid', { type: 'object', properties: { valid: { const: true } } }),
      400: unreadable,
      413: common[413],
      415: unsupported,
      422: ok('Every invalid field, with its path and why', { type: 'object', properties: { valid: { const: false }, errors: { type: 'array', items: ref('FieldError') } } }),
    },
  };
  const apply = {
    summary: kind.applySummary,
    tags,
    requestBody,
    responses: {
      201: ok('A new version was saved', ref(`${Kind}Applied`)),
      200: ok('The document equals the latest version; nothing was saved', ref(`${Kind}Applied`)),
      400: unreadable,
      409: failure('The id is taken by a document of another kind (campaigns and surveys share one id space), or concurrent applies kept taking the next version number: apply again'),
      413: common[413],
      415: unsupported,
      422: failure('The document is invalid; `details` lists every invalid field; nothing was saved'),
    },
  };
  const read = {
    summary: `A ${kind.what} version (the latest unless ?version=N)`,
    tags,
    parameters: [...parameters(kind.params, 'path'), ...parameters(kind.query, 'query')],
    responses: { 200: ok(`The version and the ${kind.what} state`, ref(`Stored${Kind}`)), 400: common[400], 404: failure(`No such ${kind.what} or version, or ${kind.notFound}`) },
  };
  return { [`${path}/validate`]: { post: validate }, [path]: { put: apply }, [`${path}/{${kind.what}Id}`]: { get: read } };
}

/** A stored version of a document (GET /campaigns/{id}, /surveys/{id}), with the kind's own properties. */
export function storedDocument(idField: string, schema: string, own: Record<string, JsonSchema> = {}): JsonSchema {
  return {
    type: 'object',
    properties: {
      [idField]: text,
      version: { type: 'integer' },
      latestVersion: { type: 'integer' },
      name: text,
      paused: { type: 'boolean' },
      createdAt: { type: 'string', format: 'date-time' },
      document: ref(schema),
      ...own,
    },
  };
}

/** The answer to an apply, with the kind's own properties. */
export function appliedDocument(idField: string, own: Record<string, JsonSchema> = {}): JsonSchema {
  return {
    type: 'object',
    required: [idField, 'version', 'created'],
    properties: {
      [idField]: text,
      version: { type: 'integer' },
      created: { type: 'boolean', description: 'False: the document equals the latest version; nothing was written' },
      ...own,
    },
  };
}

/** An import body: rows of the component `rowName`, as CSV, a JSON array or NDJSON. */
export function importRequestBody(rowName: string, columns: { all: readonly string[]; required: readonly string[]; each: string }) {
  const described: Record<string, string | undefined> = {
    csv: `A header line naming the columns (${columns.all.join(', ')}; required: ${columns.required.join(', ')}), then one ${columns.each} per line`,
    ndjson: `One ${rowName} object per line`,
  };
  return {
    required: true,
    content: Object.fromEntries(
      Object.entries(importTypes).map(([type, format]) => [
        type,
        { schema: format === 'json' ? { type: 'array', items: ref(rowName) } : text, description: described[format] },
      ]),
    ),
  };
}

/** The answers of an import route besides its 200 and its 404. */
export const importFailures = (owner: string) => ({
  400: failure('The CSV header lacks a required column or names an unknown one, or the file cannot be read past a point; nothing after it was read'),
  409: failure(`The ${owner} is paused`),
  413: common[413],
  415: failure('Not text/csv, application/json or application/x-ndjson'),
});
