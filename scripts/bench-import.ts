// Benchmark of the debtor import's reading path: 100,000 generated CSV rows streamed through
// readDebtorRecords (csv-parse, header check, row validation with libphonenumber and parseAmount),
// against csv-parse alone on the same rows in the same process. No database, no workflows.
//
//   npx tsx scripts/bench-import.ts [rows]
//
// Prints rows/s and peak RSS of each; the import's peak should stay near the baseline's whatever
// the row count, since neither holds the file.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import { parseCampaignDocument } from '../src/campaigns/campaign-document';
import { validateCampaign } from '../src/campaigns/campaign-validation';
import { readDebtorRecords } from '../src/use-cases/import-debtors';

const rowCount = Number(process.argv[2] ?? 100_000);
const header = 'accountRef,fullName,phone,timeZone,amountDue,dueDate,daysPastDue,flags,artificialVoiceConsent\n';
const zones = ['America/New_York', 'America/Chicago', 'America/Los_Angeles', ''];

/** Row i; every 100th has a bad phone number, so the rejection path runs too. */
function row(i: number): string {
  const phone = i % 100 === 99 ? '+1555' : `+1 212 555 ${String(i % 10_000).padStart(4, '0')}`;
  const amount = `${(i % 5000) + 1}.${String(i % 100).padStart(2, '0')}`;
  return `ACC-${i},Jordan Lee ${i},${phone},${zones[i % zones.length]},${amount},2026-03-01,${i % 120},${i % 7 === 0 ? 'vip;paperless' : ''},${i % 2 === 0 ? 'yes' : 'no'}\n`;
}

/** The file, generated as it is read: 1,000 rows a chunk. */
function generatedCsv(): Readable {
  return Readable.from(
    (function* () {
      yield header;
      for (let start = 0; start < rowCount; start += 1000) {
        let chunk = '';
        for (let i = start; i < Math.min(start + 1000, rowCount); i++) chunk += row(i);
        yield chunk;
      }
    })(),
  );
}

async function measure(name: string, run: () => Promise<number>): Promise<{ rowsPerSecond: number; peakRssMiB: number }> {
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const started = process.hrtime.bigint();
  const rows = await run();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage.rss());
  if (rows !== rowCount) throw new Error(`${name} read ${rows} rows, not ${rowCount}`);
  return { rowsPerSecond: rows / seconds, peakRssMiB: peak / 1024 / 1024 };
}

async function main(): Promise<void> {
  const checked = validateCampaign(parseCampaignDocument(readFileSync(path.resolve(__dirname, '../examples/campaigns/collections-demo.yaml'), 'utf8'), 'yaml'));
  if (!checked.ok) throw new Error(`the demo campaign does not validate: ${JSON.stringify(checked.errors)}`);
  const campaign = checked.campaign;

  const baseline = await measure('csv-parse', async () => {
    let rows = 0;
    for await (const _record of generatedCsv().pipe(parseCsv({ columns: true }))) rows++;
    return rows;
  });

  let rejected = 0;
  const importPath = await measure('readDebtorRecords', async () => {
    let rows = 0;
    for await (const record of readDebtorRecords({ stream: generatedCsv(), format: 'csv' }, campaign)) {
      rows++;
      if ('problems' in record) rejected++;
    }
    return rows;
  });

  const line = (label: string, m: { rowsPerSecond: number; peakRssMiB: number }) =>
    `${label.padEnd(34)} ${Math.round(m.rowsPerSecond).toLocaleString('en').padStart(10)} rows/s   peak RSS ${m.peakRssMiB.toFixed(0).padStart(4)} MiB`;
  process.stdout.write(
    [
      `${rowCount.toLocaleString('en')} CSV rows, generated while streamed (${rejected.toLocaleString('en')} rejected by validation)`,
      line('csv-parse alone (baseline)', baseline),
      line('import: parse + validate', importPath),
      `import speed: ${((importPath.rowsPerSecond / baseline.rowsPerSecond) * 100).toFixed(0)}% of the baseline`,
      '',
    ].join('\n'),
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`bench-import: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
