import { escapeXml as escape } from '../../voice/call-twiml';
import { clockIn, type Clock } from './timeline-clock';
import type { Timeline, TimelineEntry } from './timeline-entry';
import { factsLine, personHeading, turnLine, versionLine } from './timeline-text';

// The timeline as a printable page: one self-contained HTML document (its style inline, nothing
// fetched), every value escaped, laid out for A4 or Letter paper as well as for a screen.

const style = `
body { font: 11pt/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: #111; margin: 2rem; }
h1 { font-size: 15pt; margin: 0 0 .3rem; }
.meta, .note { color: #444; margin: .1rem 0; }
.note { color: #8a4b00; }
ol { list-style: none; padding: 0; margin: 1rem 0 0; }
li { border-top: 1px solid #ccc; padding: .5rem 0; break-inside: avoid; page-break-inside: avoid; }
.when { font-variant-numeric: tabular-nums; }
.utc { color: #555; }
.kind { font-family: ui-monospace, monospace; font-size: 9pt; color: #555; }
.title { font-weight: 600; }
.why { margin: .2rem 0 0 1rem; }
.words, .turn { margin: .2rem 0 0 1rem; white-space: pre-wrap; font-family: ui-monospace, monospace; font-size: 9.5pt; }
.deferred .title, .held .title { color: #8a4b00; }
.more { margin-top: 1rem; font-style: italic; }
@page { size: auto; margin: 15mm; }
@media print { body { margin: 0; font-size: 9.5pt; } }
`;

/** What kind of entry, for the page's colours: a contact made, one held back, anything else. */
function entryClass(entry: TimelineEntry): string {
  if (entry.kind === 'contact-deferred') return 'deferred';
  if (entry.kind === 'contact-held') return 'held';
  return entry.kind === 'contact-attempt' ? 'attempt' : 'event';
}

function entryHtml(entry: TimelineEntry, clock: Clock): string {
  const ms = Date.parse(entry.at);
  const parts = [
    `<div><span class="when">${escape(clock.local(ms))}</span> <span class="utc">(${escape(clock.utcText(ms))})</span> <span class="kind">${escape(entry.kind)}</span></div>`,
    `<div class="title">${escape(entry.title)}</div>`,
  ];
  const facts = factsLine(entry);
  if (facts) parts.push(`<div class="meta">${escape(facts)}</div>`);
  if (entry.why) parts.push(`<div class="why">Why: ${escape(entry.why)}</div>`);
  if (entry.body !== undefined) parts.push(`<div class="words">${escape(entry.body)}</div>`);
  if (entry.call?.escalationSummary) parts.push(`<div class="why">Handed over: ${escape(entry.call.escalationSummary)}</div>`);
  for (const turn of entry.call?.turns ?? []) parts.push(`<div class="turn">${escape(turnLine(turn))}</div>`);
  return `<li class="${entryClass(entry)}" id="${escape(entry.id)}">${parts.join('\n')}</li>`;
}

/** The page; `more` says how to ask for the next page when there is one. */
export function timelineHtml(timeline: Timeline, more: (next: string) => string): string {
  const clock = clockIn(timeline.person.timeZone);
  const { person } = timeline;
  const heading = personHeading(timeline);
  const meta = [
    `Workflow ${person.workflowId}; phone ${person.phone}; time zone ${person.timeZone}. Times are local, with UTC beside them.`,
    ...timeline.campaignVersions.map((version) => `Campaign ${versionLine(version)}`),
  ];
  const entries = timeline.entries.map((entry) => entryHtml(entry, clock));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(heading)}</title>
<style>${style}</style>
</head>
<body>
<h1>${escape(heading)}</h1>
${meta.map((line) => `<p class="meta">${escape(line)}</p>`).join('\n')}
${timeline.notes.map((note) => `<p class="note">Note: ${escape(note)}</p>`).join('\n')}
<ol>
${entries.length > 0 ? entries.join('\n') : '<li>No entries.</li>'}
</ol>
${timeline.next ? `<p class="more">More entries follow: ${escape(more(timeline.next))}</p>` : ''}
</body>
</html>
`;
}
