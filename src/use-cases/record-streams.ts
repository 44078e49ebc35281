import { pipeline, type Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { parse as parseCsv, type CsvError } from 'csv-parse';
import { AppError } from '../errors/app-error';

// Records read one at a time from an uploaded file (CSV, a JSON array, or NDJSON), so a file of
// any length is never held whole: memory stays at one record plus the stream's buffers. A record
// that cannot be read is reported where it is and reading goes on; only input that cannot be
// read past (a CSV without a header, a JSON array that never closes) stops the import.

/** `row`: the file line a CSV or NDJSON record ends on (a CSV header is line 1); a JSON array's 1-based element. */
export type RawRecord = { row: number; fields: Record<string, unknown> } | { row: number; problem: string };

/** One record larger than this is a broken file, not one person's row. */
const maxRecordChars = 64 * 1024;

/**
 * CSV records keyed by the columns `header` returns for the first line; `header` throws to refuse
 * the file before any record is read.
 */
export async function* csvRecords(input: Readable, header: (names: string[]) => string[]): AsyncGenerator<RawRecord> {
  let sawHeader = false;
  const parser = parseCsv({
    columns: (names: string[]) => {
      sawHeader = true;
      return header(names);
    },
    bom: true,
    trim: true,
    skip_empty_lines: true,
    max_record_size: maxRecordChars,
    // A record with the wrong number of fields or a stray quote is that row's problem, not the file's.
    skip_records_with_error: true,
    info: true,
  });
  // csv-parse reports skipped records by event, ahead of the records it has buffered; they are
  // put back in line order before each record is handed on.
  const skipped: RawRecord[] = [];
  parser.on('skip', (err: CsvError & { lines?: number }) => skipped.push({ row: err.lines ?? 0, problem: err.message }));
  // Errors of the upload (a body over the limit, a dropped connection) reach the loop below through the parser.
  pipeline(input, parser, () => undefined);

  for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    while (skipped.length > 0 && skipped[0].row < info.lines) yield skipped.shift()!;
    yield { row: info.lines, fields: record };
  }
  yield* skipped;
  if (!sawHeader) throw new AppError('bad_input', 'the CSV is empty: its first line must be a header naming the columns', 400);
}

/** One JSON object per line; blank lines are skipped. */
export async function* ndjsonRecords(input: Readable): AsyncGenerator<RawRecord> {
  for await (const { line, text } of lines(input)) {
    if (text.trim() !== '') yield jsonRecord(line, text);
  }
}

/**
 * The elements of one top-level JSON array. Each element is cut out by a scanner that only tracks
 * strings and nesting, then parsed on its own, so one malformed element is one rejected row.
 */
export async function* jsonArrayRecords(input: Readable): AsyncGenerator<RawRecord> {
  const scanner = new JsonArrayScanner();
  const decoder = new StringDecoder('utf8');
  for await (const chunk of input) yield* scanner.scan(decoder.write(chunk as Buffer));
  yield* scanner.scan(decoder.end());
  scanner.finish();
}

function jsonRecord(row: number, text: string): RawRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { row, problem: `is not valid JSON: ${(err as Error).message}` };
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? { row, fields: value as Record<string, unknown> }
    : { row, problem: "must be an object of one row's fields" };
}

async function* lines(input: Readable): AsyncGenerator<{ line: number; text: string }> {
  const decoder = new StringDecoder('utf8');
  let line = 0;
  let partial = '';
  for await (const chunk of input) {
    partial += decoder.write(chunk as Buffer);
    let start = 0;
    for (let end = partial.indexOf('\n'); end >= 0; end = partial.indexOf('\n', start)) {
      yield { line: ++line, text: partial.slice(start, end).replace(/\r$/, '') };
      start = end + 1;
    }
    partial = partial.slice(start);
    if (partial.length > maxRecordChars) throw recordTooLarge(`line ${line + 1}`);
  }
  partial += decoder.end();
  if (partial !== '') yield { line: ++line, text: partial };
}

function recordTooLarge(where: string): AppError {
  return new AppError('bad_input', `${where} is longer than ${maxRecordChars / 1024} KiB: this is not one row's record`, 400);
}

const whitespace = new Set([' ', '\t', '\n', '\r']);

class JsonArrayScanner {
  /** before '[' | after '[' | inside an element | after ',' | after ']' */
  private state: 'before' | 'first' | 'element' | 'next' | 'after' = 'before';
  private element = '';
  private depth = 0;
  private inString = false;
  private escaped = false;
  private count = 0;

  *scan(text: string): Generator<RawRecord> {
    let start = this.state === 'element' ? 0 : -1;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (this.state === 'before') {
        if (whitespace.has(c) || c === '\uFEFF') continue;
        if (c !== '[') throw new AppError('bad_input', 'a JSON import is an array of objects, one a row: the body must start with [', 400);
        this.state = 'first';
        continue;
      }
      if (this.state === 'after') {
        if (!whitespace.has(c)) throw new AppError('bad_input', `unexpected '${c}' after the JSON array's closing ]`, 400);
        continue;
      }
      if (this.state === 'first' || this.state === 'next') {
        if (whitespace.has(c)) continue;
        if (c === ']' && this.state === 'first') {
          this.state = 'after';
          continue;
        }
        this.state = 'element';
        start = i;
      }
      // Inside an element: a ',' or ']' outside strings and nesting ends it.
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === '\\') this.escaped = true;
        else if (c === '"') this.inString = false;
      } else if (c === '"') {
        this.inString = true;
      } else if (c === '{' || c === '[') {
        this.depth++;
      } else if ((c === '}' || c === ']') && this.depth > 0) {
        this.depth--;
      } else if (this.depth === 0 && (c === ',' || c === ']')) {
        const elementText = this.element + text.slice(start, i);
        this.element = '';
        yield jsonRecord(++this.count, elementText.trim());
        this.state = c === ',' ? 'next' : 'after';
      }
    }
    if (this.state === 'element') {
      this.element += text.slice(start);
      if (this.element.length > maxRecordChars) throw recordTooLarge(`record ${this.count + 1}`);
    }
  }

  finish(): void {
    if (this.state === 'before') throw new AppError('bad_input', 'the body is empty: a JSON import is an array of objects, one a row', 400);
    if (this.state !== 'after') {
      throw new AppError('bad_input', `the JSON array is not closed: the body ends inside it, after ${this.count} complete record(s)`, 400);
    }
  }
}
