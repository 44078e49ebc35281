import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import type { LatencySummary } from './stats';

// What a run shows: a progress bar on stderr while it runs, then a table on stdout, and the same
// figures as JSON in the run's directory (and wherever --out says).

/** One row of the table: a figure, and its baseline when the run measured one. */
export interface ReportRow {
  section: string;
  metric: string;
  value: string;
  baseline?: string;
}

export interface Progress {
  update(value: number, detail: string): void;
  stop(): void;
}

export function startProgress(label: string, total: number): Progress {
  if (!process.stderr.isTTY) {
    // No terminal (CI, a log file): a line every 5 s instead of a redrawn bar.
    let last = 0;
    return {
      update(value, detail) {
        if (Date.now() - last < 5_000 && value < total) return;
        last = Date.now();
        process.stderr.write(`${label} ${value}/${total} ${detail}\n`);
      },
      stop() {},
    };
  }
  const bar = new SingleBar({ format: `${label} {bar} {value}/{total} | {detail}`, stream: process.stderr, hideCursor: true }, Presets.shades_classic);
  bar.start(total, 0, { detail: '' });
  return { update: (value, detail) => bar.update(value, { detail }), stop: () => bar.stop() };
}

export function ms(value: number | null | undefined): string {
  if (value === null || value === undefined) return '-';
  return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(value < 10 ? 2 : 0)} ms`;
}

export function latencyRows(section: string, what: string, summary: LatencySummary, baseline?: LatencySummary): ReportRow[] {
  const row = (p: 'p50' | 'p95' | 'p99' | 'max') => ({
    section,
    metric: `${what} ${p}`,
    value: ms(summary[p]),
    ...(baseline ? { baseline: ms(baseline[p]) } : {}),
  });
  return [{ section, metric: `${what} count`, value: String(summary.n), ...(baseline ? { baseline: String(baseline.n) } : {}) }, row('p50'), row('p95'), row('p99'), row('max')];
}

export function printTable(title: string, rows: readonly ReportRow[]): void {
  const hasBaseline = rows.some((r) => r.baseline !== undefined);
  const header: ReportRow = { section: '', metric: 'metric', value: 'value', baseline: hasBaseline ? 'baseline' : undefined };
  const all = [header, ...rows];
  const width = (pick: (r: ReportRow) => string) => Math.max(...all.map((r) => pick(r).length));
  const wMetric = width((r) => r.metric);
  const wValue = width((r) => r.value);
  const lines = [title, ''];
  let section = '';
  for (const r of all) {
    if (r.section && r.section !== section) {
      section = r.section;
      lines.push(`${section}`);
    }
    const base = hasBaseline ? `  ${r.baseline ?? ''}` : '';
    lines.push(`  ${r.metric.padEnd(wMetric)}  ${r.value.padStart(wValue)}${base}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

/** The machine the figures were measured on, for the summary. */
export function machine() {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

export function writeSummary(summary: object, files: readonly string[]): void {
  const text = `${JSON.stringify(summary, null, 2)}\n`;
  for (const file of files) {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    writeFileSync(file, text);
  }
}
