import { Loading, useApi } from '../ui';
import { documentPath, type OutreachKind } from './kinds';
import { withQuery } from './paging';
import { Table } from '../table';
import type { DocumentChange, VersionDiff } from './wire';

interface Compared {
  from: number;
  to: number;
}

/** Two versions chosen, and what changed from one to the other, path by path. */
export function VersionDiffView(props: { kind: OutreachKind; id: string; latest: number; compared: Compared; onCompare(compared: Compared): void }) {
  const { kind, id, latest, compared } = props;
  const choices = Array.from({ length: latest }, (_, i) => latest - i);
  const diff = useApi<VersionDiff>(latest > 1 ? withQuery(documentPath(kind, id, '/versions/diff'), { from: compared.from, to: compared.to }) : undefined);
  if (latest === 1) return <p class="muted">Only one version so far: nothing to compare.</p>;
  const select = (field: keyof Compared, label: string) => (
    <div>
      <label for={`diff-${field}`}>{label}</label>
      <select id={`diff-${field}`} value={compared[field]} onChange={(event) => props.onCompare({ ...compared, [field]: Number(event.currentTarget.value) })}>
        {choices.map((version) => (
          <option key={version} value={version}>
            v{version}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div class="card diff-view">
      <h3>
        Changes from v{compared.from} to v{compared.to}
      </h3>
      <div class="choices">
        {select('from', 'From version')}
        {select('to', 'To version')}
      </div>
      <Loading loaded={diff}>{(found) => <ChangeTable changes={found.changes} />}</Loading>
    </div>
  );
}

function ChangeTable(props: { changes: DocumentChange[] }) {
  if (props.changes.length === 0) return <p>The two versions are the same.</p>;
  return (
    <Table caption="Changed fields" class="changes" columns={['Field', 'Change', 'Before', 'After']}>
      {props.changes.map((change) => (
        <tr key={change.path} class={change.change}>
          <td>
            <code>{change.path}</code>
          </td>
          <td>{change.change}</td>
          <td>{'before' in change ? <Value value={change.before} /> : '—'}</td>
          <td>{'after' in change ? <Value value={change.after} /> : '—'}</td>
        </tr>
      ))}
    </Table>
  );
}

function Value(props: { value: unknown }) {
  return <code class="value">{JSON.stringify(props.value)}</code>;
}
