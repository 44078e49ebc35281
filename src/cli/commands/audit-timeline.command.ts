import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { reportFailure, type ApiClient } from '../api-client';
import type { Timeline } from '../../audit/timeline/timeline-entry';

interface TimelineOptions {
  survey?: boolean;
  json?: boolean;
  html?: string;
  after?: string;
  limit?: string;
  all?: boolean;
}

/**
 * `parley audit timeline CAMPAIGN ACCOUNT`: one ordered account of everything done to a person and
 * why, from the service's API (so an auditor's key shows numbers masked), as text, JSON or a page.
 */
export function auditTimelineCommand(audit: Command, api: () => ApiClient): void {
  audit
    .command('timeline')
    .argument('<campaignId>', 'the campaign (with --survey: the survey)')
    .argument('<ref>', "the debtor's account reference (with --survey: the respondent's reference)")
    .option('--survey', 'a survey respondent: CAMPAIGN is the survey id')
    .option('--json', 'print the timeline as JSON')
    .option('--html <file>', 'write it to FILE as a printable HTML page')
    .option('--after <moment>', 'only what happened after this moment (ISO 8601): the `next` a page ended with')
    .option('--limit <n>', 'entries per page, 1 to 1000 (default 200)')
    .option('--all', 'every page, not only the first')
    .description('every attempt, deferral, text, call turn, payment, pause and agent action, with its time (local and UTC) and why, from the service at PARLEY_API_URL')
    .action(async (campaignId: string, ref: string, options: TimelineOptions) => {
      process.exitCode = await timeline(api(), campaignId, ref, options);
    });
}

async function timeline(api: ApiClient, campaignId: string, ref: string, options: TimelineOptions): Promise<number> {
  if (options.json && options.html !== undefined) {
    process.stderr.write('parley: give one of --json and --html\n');
    return 2;
  }
  const person = options.survey
    ? `/surveys/${encodeURIComponent(campaignId)}/respondents/${encodeURIComponent(ref)}`
    : `/campaigns/${encodeURIComponent(campaignId)}/debtors/${encodeURIComponent(ref)}`;
  let pages: Timeline | undefined;
  let after = options.after;
  do {
    const query = new URLSearchParams({ ...(after ? { after } : {}), ...(options.limit ? { limit: options.limit } : {}) });
    const response = await api.get(`${person}/timeline${query.size > 0 ? `?${query}` : ''}`);
    if (response.status !== 200) return reportFailure(response);
    pages = joined(pages, response.body as Timeline);
    after = pages.next;
  } while (options.all && after);
  return show(pages, options, (next) => `parley audit timeline ${[campaignId, ref, ...(options.survey ? ['--survey'] : []), '--after', next].join(' ')} (or --all)`);
}

/** Pages read one after another, as one timeline. */
function joined(before: Timeline | undefined, page: Timeline): Timeline {
  if (!before) return page;
  const versions = new Map([...before.campaignVersions, ...page.campaignVersions].map((version) => [version.version, version]));
  const { next: _next, ...rest } = page;
  return {
    ...rest,
    campaignVersions: [...versions.values()].sort((a, b) => a.version - b.version),
    entries: [...before.entries, ...page.entries],
    notes: [...new Set([...before.notes, ...page.notes])],
    ...(page.next ? { next: page.next } : {}),
  };
}

async function show(timeline: Timeline, options: TimelineOptions, more: (next: string) => string): Promise<number> {
  if (options.json) {
    process.stdout.write(`${JSON.stringify(timeline, null, 2)}\n`);
    return 0;
  }
  // Loaded when run: the renderers are no part of what the other commands need to start.
  if (options.html !== undefined) {
    const { timelineHtml } = await import('../../audit/timeline/timeline-html.js');
    return writePage(options.html, timelineHtml(timeline, more), timeline.entries.length);
  }
  const { timelineText } = await import('../../audit/timeline/timeline-text.js');
  process.stdout.write(timelineText(timeline, more));
  return 0;
}

async function writePage(file: string, html: string, entries: number): Promise<number> {
  try {
    await writeFile(file, html);
  } catch (err) {
    process.stderr.write(`parley: cannot write ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
    return 2;
  }
  process.stdout.write(`${file}: HTML written, ${entries} entries\n`);
  return 0;
}
