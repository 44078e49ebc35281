import { readFile } from 'node:fs/promises';
import { reportFailure, type ApiClient } from '../api-client';
import { extensionOf, inputFileSize } from './input-file';

// Outreach documents (campaigns, surveys) read from files and sent to the service.

/** A document file as the API takes it, or undefined after saying why it cannot be read. */
export async function documentFile(file: string): Promise<{ contentType: string; text: string } | undefined> {
  if ((await inputFileSize(file)) === undefined) return undefined;
  return { contentType: extensionOf(file) === 'json' ? 'application/json' : 'application/yaml', text: await readFile(file, 'utf8') };
}

/** Every problem of an invalid document, one `path: reason` line each, on stdout; the exit code (2, bad input). */
export function printProblems(file: string, errors: ReadonlyArray<{ path: string; message: string }>): number {
  process.stdout.write(`${file}: ${errors.length} problem${errors.length === 1 ? '' : 's'}\n${errors.map((e) => `  ${e.path}: ${e.message}\n`).join('')}`);
  return 2;
}

/**
 * PUTs the document to `path` ('/campaigns', '/surveys') and prints what `describe` makes of the
 * answer; an invalid document exits 2 with each problem.
 */
export async function applyDocumentFile<T>(api: ApiClient, file: string, path: string, describe: (applied: T) => string): Promise<number> {
  const document = await documentFile(file);
  if (!document) return 2;
  const response = await api.sendText('PUT', path, document.contentType, document.text);
  if (response.status !== 200 && response.status !== 201) return reportFailure(response);
  process.stdout.write(`${describe(response.body as T)}\n`);
  return 0;
}

/** What `campaign apply` and `survey apply` print of a saved version, and of the running people told of it. */
export function appliedSummary(
  applied: { version: number; created: boolean; broadcast?: { workflowId: string; done: boolean } },
  person: 'debtor' | 'respondent',
  told?: { updated: number; skipped: number },
): string {
  const { version, created, broadcast } = applied;
  if (!created) return `unchanged, version ${version} is the latest`;
  if (!told || !broadcast) return `version ${version} saved`;
  const count = `${told.updated} running ${person}${told.updated === 1 ? '' : 's'} told${told.skipped ? ` (${told.skipped} had ended)` : ''}`;
  return `version ${version} saved; ${count}${broadcast.done ? '' : ` so far, the rest in the background (${broadcast.workflowId})`}`;
}
