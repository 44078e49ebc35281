import { useState } from 'preact/hooks';
import { Loading, useApi, when } from '../ui';
import { documentPath, type OutreachKind } from './kinds';
import { Pager, usePages, withQuery } from './paging';
import { Table } from '../table';
import { VersionDiffView } from './VersionDiffView';
import type { VersionHistory as History } from './wire';

export const versionsPageSize = 20;

/**
 * The document's versions, newest first, a page at a time (the first page comes from the page
 * that shows this, which read it for the name), and the changes between any two of them.
 */
export function VersionHistory(props: { kind: OutreachKind; id: string; first: History }) {
  const { kind, id, first } = props;
  const pages = usePages<number>();
  const later = useApi<History>(pages.current === undefined ? undefined : withQuery(documentPath(kind, id, '/versions'), { limit: versionsPageSize, before: pages.current }));
  const [compared, setCompared] = useState({ from: Math.max(1, first.latestVersion - 1), to: first.latestVersion });
  const table = (history: History) => (
    <>
      <Table caption="Versions, newest first" columns={[{ label: 'Version', num: true }, 'Name', 'Applied', 'By', 'Changes']}>
        {history.versions.map((v) => (
          <tr key={v.version}>
            <td class="num">{v.version}</td>
            <td>{v.name}</td>
            <td>{when(v.createdAt)}</td>
            <td>{v.appliedBy ?? '—'}</td>
            <td>
              {v.version > 1 ? (
                <button type="button" class="link" onClick={() => setCompared({ from: v.version - 1, to: v.version })}>
                  Compare v{v.version} with v{v.version - 1}
                </button>
              ) : (
                'first version'
              )}
            </td>
          </tr>
        ))}
      </Table>
      <Pager pages={pages} next={history.next} label="versions" />
    </>
  );
  return (
    <section aria-labelledby="versions-heading">
      <h2 id="versions-heading">Version history</h2>
      {pages.current === undefined ? table(first) : <Loading loaded={later}>{table}</Loading>}
      <VersionDiffView kind={kind} id={id} latest={first.latestVersion} compared={compared} onCompare={setCompared} />
    </section>
  );
}
