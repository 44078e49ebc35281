import { useState } from 'preact/hooks';
import { api } from '../api';
import { ConfirmButton } from '../ui';
import { resolutionPath, type QueueTask } from './queue-task';

// How an agent ends a task: an outcome, the fields it needs, and a confirmation naming what will
// happen. The workflow checks the rest (a promise too far out, a plan that breaks the campaign's
// rules) and its reason comes back in the dialog.

const debtorOutcomes = {
  promise: 'Promise to pay',
  plan: 'Instalment plan',
  'payment-taken': 'Payment taken',
  'dispute-noted': 'Dispute noted (contact stops)',
  callback: 'Callback agreed',
  'resume-contact': 'Go on contacting',
  close: 'Close the account',
} as const;
type Outcome = keyof typeof debtorOutcomes;

interface Instalment {
  amount: string;
  dueDate: string;
}

interface Fields {
  outcome: Outcome;
  notes: string;
  amount: string;
  dueDate: string;
  instalments: Instalment[];
}

function bodyOf(fields: Fields): object {
  const { outcome, notes, amount, dueDate, instalments } = fields;
  if (outcome === 'promise') return { outcome, notes, promise: { amount, dueDate } };
  if (outcome === 'plan') return { outcome, notes, plan: { instalments } };
  if (outcome === 'payment-taken') return { outcome, notes, payment: { amount } };
  return { outcome, notes };
}

function question(fields: Fields): string {
  const { outcome, amount, dueDate, instalments } = fields;
  if (outcome === 'promise') return `Record a promise to pay ${amount} by ${dueDate} and resolve the task?`;
  if (outcome === 'plan') return `Agree a plan of ${instalments.length} instalments and resolve the task?`;
  if (outcome === 'payment-taken') return `Record a payment of ${amount} taken by you and resolve the task?`;
  if (outcome === 'dispute-noted') return 'Note the dispute? All collection contact stops until the debt is verified.';
  if (outcome === 'close') return 'Close the account? No further contact will be made.';
  return `Resolve the task: ${debtorOutcomes[outcome]}?`;
}

export function ResolutionForm(props: { task: QueueTask; onResolved(what: string): void }) {
  const { task } = props;
  const [fields, setFields] = useState<Fields>({ outcome: 'promise', notes: '', amount: '', dueDate: '', instalments: [{ amount: '', dueDate: '' }] });
  const set = (change: Partial<Fields>) => setFields((f) => ({ ...f, ...change }));
  const id = (name: string) => `${name}-${task.taskId}`;
  if (task.kind === 'survey-follow-up') return <FollowUpForm task={task} onResolved={props.onResolved} />;
  const resolve = async () => {
    await api('POST', resolutionPath(task), bodyOf(fields));
    props.onResolved(`${debtorOutcomes[fields.outcome]}: task resolved.`);
  };
  return (
    <form class="resolution" onSubmit={(e) => e.preventDefault()} aria-label="Resolution">
      <label for={id('outcome')}>Outcome</label>
      <select id={id('outcome')} value={fields.outcome} onChange={(e) => set({ outcome: e.currentTarget.value as Outcome })}>
        {Object.entries(debtorOutcomes).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      {(fields.outcome === 'promise' || fields.outcome === 'payment-taken') && (
        <div class="fields">
          <span>
            <label for={id('amount')}>Amount</label>
            <input id={id('amount')} inputMode="decimal" placeholder="25.00" required value={fields.amount} onInput={(e) => set({ amount: e.currentTarget.value })} />
          </span>
          {fields.outcome === 'promise' && (
            <span>
              <label for={id('due')}>Due date</label>
              <input id={id('due')} type="date" required value={fields.dueDate} onInput={(e) => set({ dueDate: e.currentTarget.value })} />
            </span>
          )}
        </div>
      )}
      {fields.outcome === 'plan' && <InstalmentFields idOf={id} instalments={fields.instalments} onChange={(instalments) => set({ instalments })} />}
      <label for={id('notes')}>{fields.outcome === 'dispute-noted' ? "Notes (the debtor's reason)" : fields.outcome === 'callback' ? 'Notes (when to call back)' : 'Notes'}</label>
      <textarea id={id('notes')} rows={2} value={fields.notes} onInput={(e) => set({ notes: e.currentTarget.value })} />
      <div class="actions">
        <ConfirmButton label="Resolve" question={question(fields)} onConfirm={resolve} danger={fields.outcome === 'close' || fields.outcome === 'dispute-noted'} />
      </div>
    </form>
  );
}

function InstalmentFields(props: { idOf(name: string): string; instalments: Instalment[]; onChange(instalments: Instalment[]): void }) {
  const { instalments, onChange } = props;
  const change = (i: number, part: Partial<Instalment>) => onChange(instalments.map((one, j) => (j === i ? { ...one, ...part } : one)));
  return (
    <fieldset class="instalments">
      <legend>Instalments</legend>
      {instalments.map((one, i) => (
        <div class="fields" key={i}>
          <span>
            <label for={props.idOf(`plan-amount-${i}`)}>Amount {i + 1}</label>
            <input id={props.idOf(`plan-amount-${i}`)} inputMode="decimal" value={one.amount} onInput={(e) => change(i, { amount: e.currentTarget.value })} />
          </span>
          <span>
            <label for={props.idOf(`plan-due-${i}`)}>Due date {i + 1}</label>
            <input id={props.idOf(`plan-due-${i}`)} type="date" value={one.dueDate} onInput={(e) => change(i, { dueDate: e.currentTarget.value })} />
          </span>
        </div>
      ))}
      <div class="actions">
        <button type="button" onClick={() => onChange([...instalments, { amount: '', dueDate: '' }])}>
          Add instalment
        </button>
        {instalments.length > 1 && (
          <button type="button" onClick={() => onChange(instalments.slice(0, -1))}>
            Remove the last
          </button>
        )}
      </div>
    </fieldset>
  );
}

/** A survey follow-up closes with what was done about the respondent's experience. */
function FollowUpForm(props: { task: QueueTask; onResolved(what: string): void }) {
  const [notes, setNotes] = useState('');
  const id = `notes-${props.task.taskId}`;
  const resolve = async () => {
    await api('POST', resolutionPath(props.task), { notes });
    props.onResolved('Follow-up recorded: task resolved.');
  };
  return (
    <form class="resolution" onSubmit={(e) => e.preventDefault()} aria-label="Resolution">
      <label for={id}>What was done about their experience</label>
      <textarea id={id} rows={2} required value={notes} onInput={(e) => setNotes(e.currentTarget.value)} />
      <div class="actions">
        <ConfirmButton label="Resolve" question="Record the follow-up and resolve the task?" onConfirm={resolve} />
      </div>
    </form>
  );
}
