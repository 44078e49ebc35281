import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { Link } from '../router';
import { ExperimentsSection } from '../experiments/experiments-section';
import { useCan } from '../session';
import { Loading, useApi } from '../ui';
import { ImportPanel } from './ImportPanel';
import { documentPath, type OutreachKind } from './kinds';
import { withQuery } from './paging';
import { PauseControl } from './PauseControl';
import { PeopleList } from './PeopleList';
import { VersionHistory, versionsPageSize } from './VersionHistory';
import type { VersionHistory as History } from './wire';
import './outreach.css';

/**
 * One campaign or survey: its name and version, its run state with Pause/Resume, the import of
 * people (admins), its script experiments, its version history with diffs, and its people. `links`
 * go to the kind's other pages (a survey's results).
 */
export function OutreachOverview(props: { kind: OutreachKind; id: string; links?: ComponentChildren }) {
  const { kind, id } = props;
  const history = useApi<History>(withQuery(documentPath(kind, id, '/versions'), { limit: versionsPageSize }));
  const canImport = useCan('admin');
  // Bumped after an import: the counts and the list of people are read again.
  const [imports, setImports] = useState(0);
  return (
    <Loading loaded={history}>
      {(first) => (
        <>
          <p class="breadcrumb">
            <Link href={`/console${kind.list}`}>{kind.title}s</Link>
          </p>
          <h1>{first.versions[0]?.name ?? id}</h1>
          <p class="muted">
            {kind.title} <code>{id}</code>, version {first.latestVersion}
          </p>
          {props.links}
          <div class="grid">
            <PauseControl key={`run-${imports}`} kind={kind} id={id} />
            {canImport && <ImportPanel kind={kind} id={id} onImported={() => setImports((n) => n + 1)} />}
          </div>
          <ExperimentsSection kind={kind} id={id} onStopped={history.reload} />
          <VersionHistory kind={kind} id={id} first={first} />
          <PeopleList key={`people-${imports}`} kind={kind} id={id} />
        </>
      )}
    </Loading>
  );
}
