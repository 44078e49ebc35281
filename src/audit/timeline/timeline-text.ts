import { clockIn, type Clock } from './timeline-clock';
import type { Timeline, TimelineEntry } from './timeline-entry';

// The timeline as text for a terminal or a file: one block per entry, its time in the person's
// zone and in UTC first, then what happened, the numbers, the outcome, why, and the words.

export function personHeading(timeline: Timeline): string {
  const { person } = timeline;
  const what = person.kind === 'debtor' ? `debtor ${person.ref} in campaign ${person.campaignId}` : `respondent ${person.ref} of survey ${person.campaignId}`;
  return `Timeline of ${what}`;
}

export function versionLine(version: Timeline['campaignVersions'][number]): string {
  return `v${version.version} "${version.name}" applied ${version.appliedAt}${version.appliedBy ? ` by ${version.appliedBy}` : ''}`;
}

/** 'voice from +1… to +1…; outcome no-answer; campaign v2' */
export function factsLine(entry: TimelineEntry): string {
  const numbers = [entry.from && `from ${entry.from}`, entry.to && `to ${entry.to}`].filter(Boolean).join(' ');
  return [entry.channel && [entry.channel, numbers].filter(Boolean).join(' '), entry.outcome && `outcome ${entry.outcome}`, entry.actor && `by ${entry.actor}`, entry.campaignVersion !== undefined && `campaign v${entry.campaignVersion}`]
    .filter(Boolean)
    .join('; ');
}

/** A call turn in one line: heard, understood, decided, said. */
export function turnLine(turn: NonNullable<TimelineEntry['call']>['turns'][number]): string {
  const heard = turn.keyed ? `${JSON.stringify(turn.heard)} (+ keyed digits)` : JSON.stringify(turn.heard);
  const violations = turn.violations?.length ? `; refused: ${turn.violations.join(', ')}` : '';
  return `turn ${turn.seq}: heard ${heard}; intent ${turn.intent} (confidence ${turn.confidence}, sentiment ${turn.sentiment}); decision ${turn.decision}${violations}; said ${JSON.stringify(turn.said)}`;
}

function entryText(entry: TimelineEntry, clock: Clock): string {
  const ms = Date.parse(entry.at);
  const lines = [`${clock.local(ms)} | ${clock.utcText(ms)} | ${entry.title}`];
  const facts = factsLine(entry);
  if (facts) lines.push(`    ${facts}`);
  if (entry.why) lines.push(`    why: ${entry.why}`);
  if (entry.body !== undefined) lines.push(`    words: ${JSON.stringify(entry.body)}`);
  const call = entry.call;
  if (call) {
    const about = [call.answeredBy && `answered by ${call.answeredBy}`, call.status && `status ${call.status}`, call.callSid && `call ${call.callSid}`].filter(Boolean).join('; ');
    if (about) lines.push(`    call: ${about}`);
    if (call.escalationSummary) lines.push(`    handed over: ${call.escalationSummary}`);
    for (const turn of call.turns) lines.push(`    ${turnLine(turn)}`);
  }
  return lines.join('\n');
}

/** The whole page as text; `more` says how to ask for the next page when there is one. */
export function timelineText(timeline: Timeline, more: (next: string) => string): string {
  const clock = clockIn(timeline.person.timeZone);
  const { person } = timeline;
  const head = [
    personHeading(timeline),
    `workflow ${person.workflowId}; phone ${person.phone}; time zone ${person.timeZone} (times: local | UTC)`,
    ...timeline.campaignVersions.map((version) => `campaign ${versionLine(version)}`),
    ...timeline.notes.map((note) => `note: ${note}`),
  ];
  const body = timeline.entries.length > 0 ? timeline.entries.map((entry) => entryText(entry, clock)) : ['(no entries)'];
  const tail = timeline.next ? [`… more entries follow: ${more(timeline.next)}`] : [];
  return `${[...head, '', ...body, ...tail].join('\n')}\n`;
}
