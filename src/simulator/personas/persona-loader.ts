import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { type Persona, personaSchema } from './persona-schema';

const PERSONA_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** A persona that does not validate; the message names the source and each offending field. */
export class PersonaValidationError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`Invalid persona ${source}:\n  ${problems.join('\n  ')}`);
    this.name = 'PersonaValidationError';
  }
}

/** Validates raw persona data; `source` names it in errors (a file path, "POST /_sim/people"...). */
export function parsePersona(name: string, data: unknown, source: string): Persona {
  const result = personaSchema.safeParse(data);
  if (!result.success) throw new PersonaValidationError(source, result.error.issues.map(describeIssue));
  return { name, ...result.data };
}

/** Loads every persona file of a directory; the persona's name is the file name without extension. */
export async function loadPersonaLibrary(directory: string): Promise<Map<string, Persona>> {
  const files = (await readdir(directory)).filter((file) => PERSONA_EXTENSIONS.has(extname(file))).sort();
  const library = new Map<string, Persona>();
  for (const file of files) {
    const persona = await loadPersonaFile(join(directory, file));
    library.set(persona.name, persona);
  }
  return library;
}

export async function loadPersonaFile(path: string): Promise<Persona> {
  const text = await readFile(path, 'utf-8');
  let data: unknown;
  try {
    data = extname(path) === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new PersonaValidationError(path, [`not valid ${extname(path).slice(1).toUpperCase()}: ${(error as Error).message}`]);
  }
  return parsePersona(basename(path, extname(path)), data, path);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.length === 0 ? '(top level)' : issue.path.join('.');
  return `${field}: ${issue.message}`;
}
