import { money, useApi } from '../ui';
import { personApiPath, type QueueTask } from './queue-task';

// Who the agent is about to talk to, and where their account stands, before they pick up.

interface DebtorDetail {
  profile: { fullName: string; timeZone: string; currency: string };
  state: { status: string; balanceMinor: number; currency: string; promise?: { amountMinor: number; dueDate: string } };
}

interface RespondentDetail {
  status: string;
}

export function PersonAtAGlance(props: { task: QueueTask }) {
  const loaded = useApi<DebtorDetail | RespondentDetail>(personApiPath(props.task));
  const data = loaded.data;
  if (loaded.error) return <p class="muted">{loaded.error}</p>;
  if (!data) return <p aria-busy="true">Loading the account…</p>;
  if (!('profile' in data)) return <dl class="glance"><dt>Status</dt><dd>{data.status}</dd></dl>;
  const { profile, state } = data;
  return (
    <dl class="glance">
      <dt>Name</dt>
      <dd>{profile.fullName}</dd>
      <dt>Status</dt>
      <dd>{state.status}</dd>
      <dt>Balance</dt>
      <dd>{money(state.balanceMinor, state.currency)}</dd>
      <dt>Time zone</dt>
      <dd>{profile.timeZone}</dd>
      {state.promise && (
        <>
          <dt>Promise</dt>
          <dd>
            {money(state.promise.amountMinor, state.currency)} by {state.promise.dueDate}
          </dd>
        </>
      )}
    </dl>
  );
}
