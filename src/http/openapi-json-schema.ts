import { z } from 'zod';

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
