import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { describe, Problem, when } from '../ui';
import type { Timeline, TimelineEntry } from './person-types';
import { Card } from './card';

// One person's timeline, newest first, from what is stored about them (attempts, audit events,
// answers) through the timeline route: a page at a time, the next one older than the last.

const pageSize = 20;

/** `onPerson`: who the timeline is of, as stored (the phone masked for auditors), and their zone. */
export function TimelinePanel(props: { path: string; onPerson?(person: Timeline['person']): void }) {
  const [entries, setEntries] = useState<TimelineEntry[]>([]);
  const [older, setOlder] = useState<string>();
  const [notes, setNotes] = useState<string[]>([]);
  const [zone, setZone] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [loading, setLoading] = useState(true);

  const load = async (before: string | undefined) => {
    setLoading(true);
    setProblem(undefined);
    try {
      const page = await api<Timeline>('GET', `${props.path}?order=newest&limit=${pageSize}${before ? `&before=${encodeURIComponent(before)}` : ''}`);
      setEntries((shown) => (before ? [...shown, ...page.entries] : page.entries));
      setOlder(page.older);
      setNotes(page.notes);
      setZone(page.person.timeZone);
      props.onPerson?.(page.person);
    } catch (err) {
      setProblem(describe(err));
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => {
    void load(undefined);
    // The parent remounts the panel (by key) when the person's data changes.
  }, [props.path]);

  return (
    <Card id="timeline" title="Timeline" class="timeline">
      {notes.map((note) => (
        <p class="muted" key={note}>
          {note}
        </p>
      ))}
      {entries.length === 0 && !loading && !problem && <p class="muted">Nothing has happened yet.</p>}
      <ol class="entries">
        {entries.map((entry) => (
          <Entry key={entry.id} entry={entry} zone={zone} />
        ))}
      </ol>
      <Problem message={problem} />
      {loading && <p aria-busy="true">Loading…</p>}
      {older && !loading && (
        <button type="button" onClick={() => void load(older)}>
          Older entries
        </button>
      )}
    </Card>
  );
}

function Entry(props: { entry: TimelineEntry; zone?: string }) {
  const { entry } = props;
  const how = [entry.channel === 'sms' ? 'text' : entry.channel, entry.to && `to ${entry.to}`, entry.outcome].filter(Boolean).join(' · ');
  return (
    <li class="entry">
      <time dateTime={entry.at}>{when(entry.at, props.zone)}</time>
      <div>
        <strong>{entry.title}</strong>
        {how && <span class="muted"> · {how}</span>}
        {entry.why && <p class="why">Why: {entry.why}</p>}
        {entry.body && <p class="body">“{entry.body}”</p>}
        {entry.actor && <p class="muted">By {entry.actor}</p>}
      </div>
    </li>
  );
}
