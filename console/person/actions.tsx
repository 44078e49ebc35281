import { useId, useState } from 'preact/hooks';
import { api } from '../api';
import { useCan } from '../session';
import { ConfirmButton } from '../ui';
import { Card } from './card';

// The actions an operator or an agent takes on one person, each behind a dialog that says what
// will happen; the workflow accepts or says why not, and the page reloads what it shows.

interface ActionProps {
  /** The person's path in the API: /campaigns/c/debtors/a or /surveys/s/respondents/r. */
  base: string;
  onDone(): void;
}

function Field(props: { label: string; type?: 'text' | 'date'; value: string; onInput(value: string): void; inputMode?: 'decimal'; placeholder?: string }) {
  const id = useId();
  const common = { id, required: true, value: props.value, onInput: (event: { currentTarget: HTMLInputElement }) => props.onInput(event.currentTarget.value) };
  return (
    <>
      <label for={id}>{props.label}</label>
      {props.type === 'date' ? <input type="date" {...common} /> : <input type="text" inputMode={props.inputMode} placeholder={props.placeholder} {...common} />}
    </>
  );
}

/** An action whose dialog asks for one line of text: a reason, or who asked. */
function TextAction(props: ActionProps & { label: string; question: string; verb: string; field: string; fieldLabel: string; danger?: boolean }) {
  const [value, setValue] = useState('');
  return (
    <ConfirmButton
      label={props.label}
      question={props.question}
      danger={props.danger}
      onConfirm={async () => {
        await api('POST', `${props.base}/${props.verb}`, { [props.field]: value });
        setValue('');
        props.onDone();
      }}
    >
      <div class="dialog-fields">
        <Field label={props.fieldLabel} value={value} onInput={setValue} />
      </div>
    </ConfirmButton>
  );
}

/** Pause or resume contact: an operator's, on a debtor and on a respondent alike. */
export function PauseResume(props: ActionProps & { paused: boolean; who: string }) {
  if (!useCan('operator')) return null;
  if (!props.paused) return <TextAction {...props} label="Pause" verb="pause" field="reason" fieldLabel="Reason" question={`Stop contacting ${props.who} until resumed?`} />;
  return (
    <ConfirmButton
      label="Resume"
      question={`Resume contacting ${props.who}? Contact goes on where the cadence left it.`}
      onConfirm={async () => {
        await api('POST', `${props.base}/resume`, {});
        props.onDone();
      }}
    />
  );
}

function PromiseAction(props: ActionProps & { currency: string }) {
  const [amount, setAmount] = useState('');
  const [dueDate, setDueDate] = useState('');
  return (
    <ConfirmButton
      label="Record a promise"
      question="Record the debtor's promise to pay this amount by this date? Contact waits for the date."
      onConfirm={async () => {
        await api('POST', `${props.base}/promises`, { amount, dueDate });
        setAmount('');
        setDueDate('');
        props.onDone();
      }}
    >
      <div class="dialog-fields">
        <Field label={`Amount (${props.currency})`} inputMode="decimal" placeholder="25.00" value={amount} onInput={setAmount} />
        <Field label="Due date" type="date" value={dueDate} onInput={setDueDate} />
      </div>
    </ConfirmButton>
  );
}

function PaymentAction(props: ActionProps & { currency: string }) {
  const [amount, setAmount] = useState('');
  // One id per payment: a confirmation sent twice records it once.
  const [paymentId, setPaymentId] = useState(() => `console-${crypto.randomUUID()}`);
  return (
    <ConfirmButton
      label="Record a payment"
      question="Record a payment the debtor made by phone or in person?"
      onConfirm={async () => {
        await api('POST', `${props.base}/payments`, { amount, paymentId });
        setAmount('');
        setPaymentId(`console-${crypto.randomUUID()}`);
        props.onDone();
      }}
    >
      <div class="dialog-fields">
        <Field label={`Amount (${props.currency})`} inputMode="decimal" placeholder="25.00" value={amount} onInput={setAmount} />
      </div>
    </ConfirmButton>
  );
}

/** What may be done to a debtor whose account is still open, by the signed-in role. */
export function DebtorActions(props: ActionProps & { currency: string; paused: boolean; open: boolean }) {
  const agent = useCan('agent');
  const operator = useCan('operator');
  if (!props.open || !agent) return null;
  return (
    <Card id="actions" title="Actions">
      <div class="actions">
        <PaymentAction {...props} />
        <PromiseAction {...props} />
        <PauseResume {...props} who="this debtor" />
        {operator && (
          <>
            <TextAction {...props} label="Note a dispute" verb="dispute" field="reason" fieldLabel="What the debtor disputes" question="The debtor disputes the debt: contact stops until a person verifies it." />
            <TextAction {...props} label="Cease communication" verb="cease" field="source" fieldLabel="Who asked, and how" question="The debtor asked us to stop communicating: only the notices the law allows will follow." danger />
            <TextAction {...props} label="Close" verb="close" field="reason" fieldLabel="Reason" question="Close this account? Contact stops for good." danger />
          </>
        )}
      </div>
    </Card>
  );
}
