import type { GroupResults, QuestionResults, SurveyResults } from './aggregate-results';
import type { Bar, QuestionStats, TextEntry } from './question-stats';

// The results as a terminal table: the headline figures, the groups side by side, then each
// question with its drop-off and a bar per distribution point. Plain characters only, so it reads
// the same in a log file; the longest bar is the most frequent answer and the others are to scale.

export interface TableOptions {
  /** Columns available; bars shrink to fit, never below MIN_BAR. */
  width: number;
}

const MIN_BAR = 10;
/** Free-text answers shown per question: the table is an overview; the export has them all. */
const TEXTS_SHOWN = 5;

export function renderResultsTable(results: SurveyResults, { width }: TableOptions): string {
  const { overall, by, groups } = results.all;
  const lines = [
    truncate(`${results.name} (${results.surveyId})`, width),
    ...wrap(headline(overall), width),
    ...versionLine(results),
    ...(by ? ['', ...groupTable(by, groups)] : []),
    ...overall.questions.flatMap((question, index) => ['', ...questionBlock(question, index + 1, width)]),
  ];
  return `${lines.join('\n')}\n`;
}

function headline(results: GroupResults): string[] {
  const figures = [
    `invited ${results.invited}`,
    `response rate ${percent(results.responseRate)} (${results.started} started)`,
    `completion rate ${percent(results.completionRate)} (${results.finished} finished)`,
  ];
  const nps = results.questions.find((question) => question.stats.type === 'nps')?.stats;
  if (nps?.type === 'nps') figures.push(`NPS ${npsScore(nps.score)}`);
  return figures;
}

function versionLine(results: SurveyResults): string[] {
  if (results.versions.length < 2) return [];
  return [`versions: ${results.versions.map(({ version, overall }) => `v${version} (${overall.invited} invited)`).join(', ')}`];
}

function groupTable(by: string, groups: readonly { key: string; results: GroupResults }[]): string[] {
  const header = [by, 'invited', 'started', 'finished', 'response', 'completion', 'NPS'];
  const rows = groups.map(({ key, results }) => {
    const nps = results.questions.find((question) => question.stats.type === 'nps')?.stats;
    return [
      key,
      String(results.invited),
      String(results.started),
      String(results.finished),
      percent(results.responseRate),
      percent(results.completionRate),
      nps?.type === 'nps' ? npsScore(nps.score) : '-',
    ];
  });
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => displayWidth(row[column]))));
  return [header, ...rows].map((row) => row.map((cell, column) => (column === 0 ? padEnd(cell, widths[column]) : cell.padStart(widths[column]))).join('  '));
}

function questionBlock(question: QuestionResults, number: number, width: number): string[] {
  const time = question.medianMs === null ? '-' : duration(question.medianMs);
  const flow = `   reached ${question.reached}, dropped off ${question.droppedOff} (${percent(question.dropOffRate)}), answered ${question.answered}, median time ${time}`;
  return [
    truncate(`${number}. ${question.id} (${question.type})`, width),
    truncate(`   ${question.text}`, width),
    truncate(flow, width),
    ...statsLines(question.stats, width),
    ...texts('probe', question.probes, width),
  ];
}

function statsLines(stats: QuestionStats, width: number): string[] {
  switch (stats.type) {
    case 'nps':
      return [...bars(stats.bars, width), `   NPS ${npsScore(stats.score)}: promoters ${stats.promoters}, passives ${stats.passives}, detractors ${stats.detractors}`];
    case 'rating':
      return [...bars(stats.bars, width), `   mean ${stats.mean === null ? '-' : stats.mean.toFixed(2)}`];
    case 'yes-no':
    case 'single-choice':
    case 'multiple-choice':
      return bars(stats.bars, width);
    case 'number':
      return [`   mean ${decimal(stats.mean)}, median ${decimal(stats.median)}, min ${decimal(stats.min)}, max ${decimal(stats.max)}`];
    case 'date':
      return bars(
        stats.byDate.map(({ date, count }) => ({ key: date, label: date, count })),
        width,
      );
    case 'free-text':
      return texts('answer', stats.entries, width);
  }
}

/** One line per bar: label, a bar of █ scaled to the largest count, and the count. */
function bars(all: readonly Bar[], width: number): string[] {
  const labelWidth = Math.min(Math.max(0, ...all.map((bar) => displayWidth(bar.label))), Math.floor(width / 3));
  const countWidth = Math.max(1, ...all.map((bar) => String(bar.count).length));
  const room = Math.max(MIN_BAR, width - 3 - labelWidth - 3 - 1 - countWidth);
  const largest = Math.max(0, ...all.map((bar) => bar.count));
  return all.map((bar) => {
    // A point with answers keeps one block, so that it never looks like one without.
    const length = bar.count === 0 ? 0 : Math.max(1, Math.round((bar.count / largest) * room));
    return `   ${padEnd(truncate(bar.label, labelWidth), labelWidth)} │ ${'█'.repeat(length).padEnd(room)} ${String(bar.count).padStart(countWidth)}`;
  });
}

function texts(what: string, entries: readonly TextEntry[], width: number): string[] {
  const shown = [...entries].sort((a, b) => a.answeredAt - b.answeredAt).slice(0, TEXTS_SHOWN);
  const more = entries.length - shown.length;
  return [
    ...shown.map((entry) => truncate(`   ${what} ${entry.respondentId} ${new Date(entry.answeredAt).toISOString()}: ${entry.text.replace(/\s+/g, ' ')}`, width)),
    ...(more > 0 ? [`   … and ${more} more (see the export)`] : []),
  ];
}

/** Figures joined by ' · ', onto as many lines as the width needs. */
function wrap(figures: readonly string[], width: number): string[] {
  const lines: string[] = [];
  for (const figure of figures) {
    const joined = lines.length > 0 ? `${lines[lines.length - 1]} · ${figure}` : figure;
    if (lines.length > 0 && displayWidth(joined) <= width) lines[lines.length - 1] = joined;
    else lines.push(truncate(figure, width));
  }
  return lines;
}

function percent(rate: number | null): string {
  return rate === null ? '-' : `${Math.round(rate * 100)}%`;
}

function npsScore(score: number | null): string {
  if (score === null) return '-';
  const rounded = Math.round(score);
  return rounded > 0 ? `+${rounded}` : String(rounded);
}

function decimal(value: number | null): string {
  return value === null ? '-' : String(Math.round(value * 100) / 100);
}

function duration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Terminal columns: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  return [...text].reduce((sum, char) => sum + charWidth(char), 0);
}

function charWidth(char: string): number {
  return /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1;
}

function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let kept = '';
  for (const char of text) {
    if (displayWidth(kept) + charWidth(char) > width - 1) break;
    kept += char;
  }
  return `${kept}…`;
}

function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
