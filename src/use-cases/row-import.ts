import type { Readable } from 'node:stream';
import { AppError } from '../errors/app-error';
import { forEachBounded } from './bounded';
import { csvRecords, jsonArrayRecords, ndjsonRecords, type RawRecord } from './record-streams';
import type { HeaderRead, RowProblem, RowRead } from './row-cells';
import type { ImportReport, ImportRowError } from './import-report';
import { retryTransient } from './transient-retry';

// What every import of people (debtors into a campaign, respondents into a survey) shares: the
// file read record by record, each record read into a profile or its problems, good rows stored
// and started a bounded number at a time with retries, and one report of what happened to each.

export type ImportFormat = 'csv' | 'json' | 'ndjson';

export type { ImportReport, ImportRowError };

export type ImportRecord<P> = { row: number; profile: P } | { row: number; problems: RowProblem[] };

/** How an import reads its rows: the CSV header's columns, and one row's fields. */
export interface RowReader<P> {
  header(names: string[]): HeaderRead<string>;
  row(fields: Record<string, unknown>): RowRead<P>;
}

/** An uploaded file, read as it arrives. */
export interface ImportFile {
  stream: Readable;
  format: ImportFormat;
}

export interface ImportOptions {
  /** Rows stored and started at once (IMPORT_CONCURRENCY). */
  concurrency?: number;
  /** Told every thousand rows and at the end. */
  onProgress?: (progress: Readonly<ImportReport>) => void;
}

const maxListedErrors = 1000;
const progressEvery = 1000;

/** Each record of the file read into a profile, or the problems that reject it; nothing is stored. */
export async function* readRecords<P>(file: ImportFile, reader: RowReader<P>): AsyncGenerator<ImportRecord<P>> {
  for await (const raw of rawRecords(file, reader)) {
    if ('problem' in raw) {
      yield { row: raw.row, problems: [{ field: '(row)', message: raw.problem }] };
      continue;
    }
    const read = reader.row(raw.fields);
    yield read.ok ? { row: raw.row, profile: read.profile } : { row: raw.row, problems: read.problems };
  }
}

function rawRecords({ stream, format }: ImportFile, reader: RowReader<unknown>): AsyncIterable<RawRecord> {
  if (format === 'json') return jsonArrayRecords(stream);
  if (format === 'ndjson') return ndjsonRecords(stream);
  return csvRecords(stream, (names) => {
    const header = reader.header(names);
    if (header.ok) return header.columns;
    const details = header.problems.map((problem) => ({ path: problem.field, message: problem.message }));
    throw new AppError('bad_header', `the CSV header is not usable: ${details.map((d) => `${d.path} ${d.message}`).join('; ')}`, 400, details);
  });
}

/**
 * Imports each good record with `importOne` (true: it started the person's workflow; false: they
 * were imported before) and reports each bad one with the column at fault.
 */
export async function importRecords<P>(records: AsyncIterable<ImportRecord<P>>, importOne: (profile: P) => Promise<boolean>, options: ImportOptions = {}): Promise<ImportReport> {
  const report: ImportReport = { rows: 0, started: 0, alreadyImported: 0, rejected: 0, failed: 0, errors: [], unlistedErrors: 0 };
  // Rows are stored and started `concurrency` at a time: the Temporal client waits when the server
  // pushes back (RESOURCE_EXHAUSTED), so the server's own rate sets the pace (docs/benchmarks.md).
  await forEachBounded(records, options.concurrency ?? 64, async (record) => {
    report.rows++;
    if ('problems' in record) {
      reject(report, record.row, record.problems);
    } else {
      await importGoodRow(() => importOne(record.profile), record.row, report);
    }
    if (report.rows % progressEvery === 0) options.onProgress?.(report);
  });
  options.onProgress?.(report);
  return report;
}

/** A failure that outlasts the retries is this row's error: the rest of the file goes on. */
async function importGoodRow(importOne: () => Promise<boolean>, row: number, report: ImportReport): Promise<void> {
  try {
    if (await retryTransient(importOne)) report.started++;
    else report.alreadyImported++;
  } catch (err) {
    report.failed++;
    const reason = err instanceof Error ? err.message : String(err);
    listError(report, { row, field: '(row)', message: `not imported (${reason}): import the file again to finish it` });
  }
}

function reject(report: ImportReport, row: number, problems: RowProblem[]): void {
  report.rejected++;
  for (const problem of problems) listError(report, { row, field: problem.field, message: problem.message });
}

function listError(report: ImportReport, error: ImportRowError): void {
  if (report.errors.length < maxListedErrors) report.errors.push(error);
  else report.unlistedErrors++;
}
