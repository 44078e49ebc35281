import type { Readable } from 'node:stream';
import { AppError } from '../errors/app-error';
import type { Campaign } from '../campaigns/campaign-schema';
import { TemporalGateway } from '../temporal/gateway';
import type { DebtorProfile } from '../../workflows/debtor/debtor.messages';
import { forEachBounded } from './bounded';
import { getCampaign } from './campaigns';
import { debtorRowReader, readHeader, type RowProblem } from './debtor-row';
import { storedProfile } from './debtors';
import { csvRecords, jsonArrayRecords, ndjsonRecords, type RawRecord } from './record-streams';
import { retryTransient } from './transient-retry';
import type { UseCaseDeps } from './use-case-deps';

export type ImportFormat = 'csv' | 'json' | 'ndjson';

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
  /** Rows whose account was imported before (its workflow runs or has run): nothing changed. */
  alreadyImported: number;
  rejected: number;
  /** Good rows that could not be stored or started after retrying (the database or Temporal failing): importing the file again finishes them. */
  failed: number;
  /** The first errors, in file order; a rejected row may have several. */
  errors: ImportRowError[];
  /** Errors beyond those listed. */
  unlistedErrors: number;
}

export type DebtorRecord = { row: number; profile: DebtorProfile } | { row: number; problems: RowProblem[] };

const maxListedErrors = 1000;
const progressEvery = 1000;

/**
 * Imports a file of debtors into a campaign: each good row is stored once under its
 * (campaign, account) key and its workflow started on the campaign's latest version; each bad
 * row is reported with the column at fault. Importing the same file again starts nothing new.
 */
export async function importDebtors(
  deps: UseCaseDeps,
  campaignId: string,
  input: Readable,
  format: ImportFormat,
  onProgress?: (progress: Readonly<ImportReport>) => void,
  concurrency = 64,
): Promise<ImportReport> {
  const campaign = await getCampaign(deps, campaignId);
  // A paused campaign contacts nobody, and a new workflow cannot be started paused: the operator resumes first.
  if (campaign.paused) throw new AppError('campaign_paused', `campaign '${campaignId}' is paused: resume it before importing debtors`, 409);

  const report: ImportReport = { rows: 0, started: 0, alreadyImported: 0, rejected: 0, failed: 0, errors: [], unlistedErrors: 0 };
  // Rows are stored and started `concurrency` at a time: the Temporal client waits when the server
  // pushes back (RESOURCE_EXHAUSTED), so the server's own rate sets the pace (docs/benchmarks.md).
  await forEachBounded(readDebtorRecords(input, format, campaign.document), concurrency, async (record) => {
    report.rows++;
    if ('problems' in record) {
      reject(report, record.row, record.problems);
    } else {
      await importGoodRow(deps, campaignId, campaign.version, record.row, record.profile, report);
    }
    if (report.rows % progressEvery === 0) onProgress?.(report);
  });
  onProgress?.(report);
  return report;
}

/** Each record of the file read into a profile, or the problems that reject it; nothing is stored. */
export async function* readDebtorRecords(input: Readable, format: ImportFormat, campaign: Campaign): AsyncGenerator<DebtorRecord> {
  const readRow = debtorRowReader(campaign);
  for await (const raw of rawRecords(input, format)) {
    if ('problem' in raw) {
      yield { row: raw.row, problems: [{ field: '(row)', message: raw.problem }] };
      continue;
    }
    const read = readRow(raw.fields);
    yield read.ok ? { row: raw.row, profile: read.profile } : { row: raw.row, problems: read.problems };
  }
}

function rawRecords(input: Readable, format: ImportFormat): AsyncIterable<RawRecord> {
  if (format === 'json') return jsonArrayRecords(input);
  if (format === 'ndjson') return ndjsonRecords(input);
  return csvRecords(input, (names) => {
    const header = readHeader(names);
    if (header.ok) return header.columns;
    const details = header.problems.map((problem) => ({ path: problem.field, message: problem.message }));
    throw new AppError('bad_header', `the CSV header is not usable: ${details.map((d) => `${d.path} ${d.message}`).join('; ')}`, 400, details);
  });
}

/** A failure that outlasts the retries is this row's error: the rest of the file goes on. */
async function importGoodRow(deps: UseCaseDeps, campaignId: string, version: number, row: number, profile: DebtorProfile, report: ImportReport) {
  try {
    if (await retryTransient(() => importDebtor(deps, campaignId, version, profile))) report.started++;
    else report.alreadyImported++;
  } catch (err) {
    report.failed++;
    const reason = err instanceof Error ? err.message : String(err);
    listError(report, { row, field: '(row)', message: `not imported (${reason}): import the file again to finish it` });
  }
}

/** True when this row started the account's workflow; false when the account was imported before. */
async function importDebtor(deps: UseCaseDeps, campaignId: string, campaignVersion: number, profile: DebtorProfile): Promise<boolean> {
  const stored = await storeOnce(deps, campaignId, profile);
  // Started even when the document existed: an import cut short between the two steps is completed
  // by importing again, and the gateway starts nothing for a workflow that runs or has run.
  const { started } = await deps.gateway.startDebtor({ campaignId, campaignVersion, debtor: storedProfile(stored) });
  return started;
}

/** The debtor document, written only if the account is new: a repeated row keeps the first import's data. */
function storeOnce(deps: UseCaseDeps, campaignId: string, profile: DebtorProfile) {
  return deps.mongo.repositories.debtors.storeOnce({ ...profile, campaignId, workflowId: TemporalGateway.debtorWorkflowId(campaignId, profile.accountRef) });
}

function reject(report: ImportReport, row: number, problems: RowProblem[]): void {
  report.rejected++;
  for (const problem of problems) listError(report, { row, field: problem.field, message: problem.message });
}

function listError(report: ImportReport, error: ImportRowError): void {
  if (report.errors.length < maxListedErrors) report.errors.push(error);
  else report.unlistedErrors++;
}
