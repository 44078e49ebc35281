import type { z } from 'zod';

// Validation of an outreach document (collections campaign, survey) for the people who write one:
// every problem at once, each with the dotted path of the field ('cadence.steps.2.delay') and a
// reason in plain words. The schema checks each field; a kind's relation checks relate fields to
// each other, and run on every section that is itself valid, so a typo in one section does not
// hide a missing template in another.

export interface FieldError {
  path: string;
  message: string;
}

/** Checks that relate the sections of a document, given those that are valid on their own. */
export type RelationCheck<Document> = (document: Partial<Document>) => FieldError[];

export type DocumentValidation<Document> = { ok: true; document: Document } | { ok: false; errors: FieldError[] };

export function validateDocument<Schema extends z.ZodObject>(
  schema: Schema,
  relationChecks: ReadonlyArray<RelationCheck<z.output<Schema>>>,
  input: unknown,
): DocumentValidation<z.output<Schema>> {
  const parsed = schema.safeParse(input, { error: plainMessage, reportInput: true });
  const fieldErrors = parsed.success ? [] : parsed.error.issues.flatMap(toFieldErrors);
  const sections = parsed.success ? parsed.data : validSections(schema, input);
  const errors = [...fieldErrors, ...relationChecks.flatMap((check) => check(sections))];
  if (parsed.success && errors.length === 0) return { ok: true, document: parsed.data };
  return { ok: false, errors };
}

/** The top-level sections that are valid on their own, for the relation checks. */
function validSections<Schema extends z.ZodObject>(schema: Schema, input: unknown): Partial<z.output<Schema>> {
  const document: Record<string, unknown> = typeof input === 'object' && input !== null ? { ...input } : {};
  const sections: Record<string, unknown> = {};
  for (const [key, section] of Object.entries(schema.shape)) {
    const parsed = section.safeParse(document[key]);
    if (parsed.success) sections[key] = parsed.data;
  }
  return sections as Partial<z.output<Schema>>;
}

/** An error for each item whose id an earlier item already has. */
export function repeatedIds(items: ReadonlyArray<{ id: string }>, section: string, what: string): FieldError[] {
  return items.flatMap((item, index) =>
    items.findIndex((other) => other.id === item.id) < index
      ? [{ path: `${section}.${index}.id`, message: `'${item.id}' is already the id of an earlier ${what}` }]
      : [],
  );
}

// ---------------------------------------------------------------------------------------------
// Zod issues in plain words

function toFieldErrors(issue: z.core.$ZodIssue): FieldError[] {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path: dotted([...path, key]), message: 'is not a known field here (check the spelling)' }));
  }
  if (issue.code === 'invalid_key') {
    return [{ path: dotted(path), message: issue.issues.map((inner) => inner.message).join('; ') }];
  }
  return [{ path: dotted(path), message: issue.message }];
}

function dotted(path: readonly string[]): string {
  return path.length > 0 ? path.join('.') : '(document)';
}

const typeNames: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a section of fields',
  record: 'a section of fields',
};

function plainMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return `must be ${typeNames[issue.expected] ?? issue.expected}, not ${describeValue(issue.input)}`;
    case 'too_small':
      if (issue.origin === 'array') return `needs at least ${issue.minimum} ${issue.minimum === 1 ? 'entry' : 'entries'}`;
      if (issue.origin === 'string') return 'must not be empty';
      return issue.inclusive ? `must be at least ${issue.minimum}` : `must be more than ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'array') return `allows at most ${issue.maximum} entries`;
      return issue.inclusive ? `must be at most ${issue.maximum}` : `must be less than ${issue.maximum}`;
    case 'invalid_value':
      return `must be ${oneOf(issue.values)}`;
    case 'invalid_union':
      // A discriminated union (cadence step channels, question types) names the accepted values.
      return Array.isArray(issue.options) ? `must be ${oneOf(issue.options)}` : undefined;
    default:
      return undefined;
  }
}

function oneOf(values: readonly unknown[]): string {
  const quoted = values.map((value) => `'${String(value)}'`);
  return quoted.length <= 2 ? quoted.join(' or ') : `one of ${quoted.join(', ')}`;
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'empty';
  if (typeof value === 'object') return 'a section of fields';
  if (typeof value === 'string') return `the text '${value.length > 40 ? `${value.slice(0, 40)}...` : value}'`;
  return String(value);
}
