// What an import of people answers, row by row: apart from the import itself so the console reads
// the same shape without the streams the import is made of.

export interface ImportRowError {
  /** The file line a CSV or NDJSON record ends on (a CSV header is line 1); a JSON array's 1-based element. */
  row: number;
  /** The column at fault, or '(row)' when the record itself could not be read. */
  field: string;
  message: string;
}

export interface ImportReport {
  rows: number;
  started: number;
  /** Rows whose person was imported before (their workflow runs or has run): nothing changed. */
  alreadyImported: number;
  rejected: number;
  /** Good rows that could not be stored or started after retrying (the database or Temporal failing): importing the file again finishes them. */
  failed: number;
  /** The first errors, in file order; a rejected row may have several. */
  errors: ImportRowError[];
  /** Errors beyond those listed. */
  unlistedErrors: number;
}
