import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { reportFailure, type ApiClient } from '../api-client';
import type { SurveyResults } from '../../surveys/results/aggregate-results';

interface ResultsOptions {
  groupBy?: string;
  csv?: string;
  ndjson?: string;
}

/** Columns when stdout is not a terminal (a pipe, a file): wide enough for the bars to read. */
const DEFAULT_WIDTH = 100;

/** `parley survey results ID`: the results as a table on the terminal, or the answers exported to a file. */
export function surveyResultsCommand(survey: Command, api: () => ApiClient): void {
  survey
    .command('results')
    .argument('<surveyId>', 'the survey')
    .option('--group-by <group>', 'figures side by side per channel, language or hidden.<field>')
    .option('--csv <file>', 'write the answers to FILE as CSV (one row per respondent and question) instead')
    .option('--ndjson <file>', 'write the answers to FILE as NDJSON (one line per respondent) instead')
    .description('response and completion rates, drop-off, NPS and every answer\'s distribution, from the service at PARLEY_API_URL')
    .action(async (surveyId: string, options: ResultsOptions) => {
      process.exitCode = await surveyResults(api(), surveyId, options);
    });
}

async function surveyResults(api: ApiClient, surveyId: string, options: ResultsOptions): Promise<number> {
  const exports = (['csv', 'ndjson'] as const).filter((format) => options[format] !== undefined);
  if (exports.length > 1 || (exports.length === 1 && options.groupBy !== undefined)) {
    process.stderr.write('parley: give one of --csv, --ndjson and --group-by: an export holds every answer, ungrouped\n');
    return 2;
  }
  const path = `/surveys/${encodeURIComponent(surveyId)}`;
  if (exports.length === 1) {
    const format = exports[0];
    const response = await api.get(`${path}/export?format=${format}`);
    return response.status === 200 ? writeExport(options[format] as string, format, String(response.body)) : reportFailure(response);
  }
  const response = await api.get(`${path}/results${options.groupBy === undefined ? '' : `?groupBy=${encodeURIComponent(options.groupBy)}`}`);
  if (response.status !== 200) return reportFailure(response);
  // Loaded when run: the results code is no part of what `parley serve` needs to start.
  const { renderResultsTable } = await import('../../surveys/results/results-table.js');
  process.stdout.write(renderResultsTable(response.body as SurveyResults, { width: process.stdout.columns || DEFAULT_WIDTH }));
  return 0;
}

async function writeExport(file: string, format: 'csv' | 'ndjson', body: string): Promise<number> {
  try {
    await writeFile(file, body);
  } catch (err) {
    process.stderr.write(`parley: cannot write ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
    return 2;
  }
  process.stdout.write(`${file}: ${format.toUpperCase()} written, ${Buffer.byteLength(body)} bytes\n`);
  return 0;
}
