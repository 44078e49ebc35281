import { useState } from 'preact/hooks';
import { upload } from '../api';
import { describe, Problem } from '../ui';
import type { OutreachKind } from './kinds';
import { Table } from '../table';
import type { ImportReport } from './wire';

/** The import formats the API reads, by the file's extension. */
const contentTypes: Record<string, string> = { csv: 'text/csv', json: 'application/json', ndjson: 'application/x-ndjson' };

type Outcome = { report: ImportReport } | { problem: string };

/**
 * An admin sends a file of people (CSV, a JSON array or NDJSON) to the campaign or survey: the
 * upload's progress while it is sent, then what happened to its rows, each bad one by number,
 * column and reason as the import reports them.
 */
export function ImportPanel(props: { kind: OutreachKind; id: string; onImported(): void }) {
  const { kind } = props;
  const [file, setFile] = useState<File>();
  const [sent, setSent] = useState<number>();
  const [outcome, setOutcome] = useState<Outcome>();
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!file) return;
    const type = contentTypes[file.name.split('.').pop()?.toLowerCase() ?? ''];
    if (!type) return setOutcome({ problem: `${file.name}: choose a .csv, .json or .ndjson file` });
    setOutcome(undefined);
    setSent(0);
    try {
      const answer = await upload<ImportReport | { message?: string }>(kind.importPath(props.id), file, type, setSent);
      setOutcome(answer.status === 200 ? { report: answer.body as ImportReport } : { problem: (answer.body as { message?: string }).message ?? `The import failed (${answer.status})` });
      props.onImported();
    } catch (err) {
      setOutcome({ problem: describe(err) });
    } finally {
      setSent(undefined);
    }
  };
  return (
    <section aria-labelledby="import-heading" class="card">
      <h2 id="import-heading">Import {kind.people}</h2>
      <form onSubmit={submit}>
        <label for="import-file">File of {kind.people} (CSV, JSON or NDJSON)</label>
        <input id="import-file" type="file" accept=".csv,.json,.ndjson,text/csv,application/json" onChange={(event) => setFile(event.currentTarget.files?.[0])} />
        <div class="actions">
          <button type="submit" disabled={!file || sent !== undefined}>
            Import
          </button>
        </div>
      </form>
      {sent !== undefined && (
        <div>
          <label for="upload-progress">{sent < 1 ? 'Sending the file' : 'Sent; importing the rows'}</label>
          <progress id="upload-progress" max={1} value={sent} />
        </div>
      )}
      {outcome && ('problem' in outcome ? <Problem message={outcome.problem} /> : <ImportOutcome report={outcome.report} people={kind.people} />)}
    </section>
  );
}

function ImportOutcome(props: { report: ImportReport; people: string }) {
  const { report } = props;
  return (
    <div aria-live="polite" class="import-outcome">
      <p>
        <strong>{report.rows} rows:</strong> {report.started} {props.people} started, {report.alreadyImported} already imported, {report.rejected} rejected, {report.failed} failed
        {report.failed > 0 && ' (import the file again to finish them)'}.
      </p>
      {report.errors.length > 0 && (
        <Table caption="Rows with errors" showCaption columns={[{ label: 'Row', num: true }, 'Field', 'Reason']}>
          {report.errors.map((error, i) => (
            <tr key={i}>
              <td class="num">{error.row}</td>
              <td>
                <code>{error.field}</code>
              </td>
              <td>{error.message}</td>
            </tr>
          ))}
        </Table>
      )}
      {report.unlistedErrors > 0 && <p class="muted">And {report.unlistedErrors} more errors not listed.</p>}
    </div>
  );
}
