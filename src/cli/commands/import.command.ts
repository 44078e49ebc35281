import { createReadStream } from 'node:fs';
import { Transform, pipeline } from 'node:stream';
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { reportFailure, type ApiClient } from '../api-client';
import type { ImportReport } from '../../use-cases/row-import';
import { extensionOf, inputFileSize } from './input-file';

const contentTypes = { csv: 'text/csv', json: 'application/json', ndjson: 'application/x-ndjson' } as const;
type Format = keyof typeof contentTypes;

/** `parley import FILE --campaign ID`: streams a file of debtors to the service, with a progress bar. */
export function importCommand(program: Command, api: () => ApiClient): void {
  program
    .command('import')
    .argument('<file>', 'debtors: CSV with a header line, a JSON array, or NDJSON')
    .requiredOption('--campaign <id>', 'the campaign to import into')
    .option('--format <format>', 'csv, json or ndjson (default: from the file extension)')
    .description('import debtors and start their workflows; exit code 2 when any row was rejected')
    .action(async (file: string, options: { campaign: string; format?: string }) => {
      process.exitCode = await importFile(api(), file, `/campaigns/${encodeURIComponent(options.campaign)}/debtors/import`, options.format);
    });
}

/**
 * Streams a file of people to an import route with a progress bar and prints the report. The exit
 * code: 2 when the file or a row was refused, 1 when a good row could not be imported.
 */
export async function importFile(api: ApiClient, file: string, route: string, formatOption?: string): Promise<number> {
  const format = (formatOption ?? extensionOf(file)) as Format;
  if (!(format in contentTypes)) {
    process.stderr.write(`parley: cannot tell the format of ${file}: use --format ${Object.keys(contentTypes).join('|')}\n`);
    return 2;
  }
  const size = await inputFileSize(file);
  if (size === undefined) return 2;

  // Progress is the bytes the request has taken from the file, which fetch reads as it sends.
  const bar = new SingleBar({ format: 'importing {bar} {percentage}% | {value}/{total} bytes', stream: process.stderr, hideCursor: true }, Presets.shades_classic);
  bar.start(size, 0);
  const counting = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bar.increment(chunk.length);
      done(null, chunk);
    },
  });
  // A read error of the file fails the upload, through the counting stream.
  const counted = pipeline(createReadStream(file), counting, () => undefined);
  let response;
  try {
    response = await api.upload(route, contentTypes[format], counted);
  } finally {
    bar.stop();
  }
  if (response.status !== 200) return reportFailure(response);

  const report = response.body as ImportReport;
  process.stdout.write(printedReport(report));
  if (report.rejected > 0) return 2;
  return report.failed > 0 ? 1 : 0;
}

function printedReport(report: ImportReport): string {
  const lines = [
    `rows ${report.rows}, started ${report.started}, already imported ${report.alreadyImported}, rejected ${report.rejected}` +
      (report.failed > 0 ? `, failed ${report.failed} (import the file again to finish them)` : ''),
    ...report.errors.map((e) => `  row ${e.row}, ${e.field}: ${e.message}`),
    ...(report.unlistedErrors > 0 ? [`  ... and ${report.unlistedErrors} more errors`] : []),
  ];
  return `${lines.join('\n')}\n`;
}
