import { useState } from 'preact/hooks';
import { base, Link } from '../router';
import { Loading, money, useApi, when } from '../ui';
import { DebtorActions } from '../person/actions';
import { Facts, outreachFacts } from '../person/facts';
import { TimelinePanel } from '../person/timeline';
import type { DebtorDetail, DebtorView, PaymentRow } from '../person/person-types';
import '../person/person.css';
import { Card, PersonHead } from '../person/card';

// One debtor: the profile as imported (masked for auditors by the API), where the outreach
// stands and why, promises, plans and payments, what may be done, and the timeline.

export function DebtorPage(props: { params: Record<string, string> }) {
  const { campaignId, accountRef } = props.params;
  const path = `/campaigns/${encodeURIComponent(campaignId!)}/debtors/${encodeURIComponent(accountRef!)}`;
  const detail = useApi<DebtorDetail>(path);
  const payments = useApi<{ payments: PaymentRow[] }>(`${path}/payments`);
  const [round, setRound] = useState(0);
  const reload = () => {
    detail.reload();
    payments.reload();
    setRound((r) => r + 1);
  };
  return (
    <Loading loaded={detail}>
      {({ profile, state }) => (
        <>
          <PersonHead title={profile.fullName}>
            Account {profile.accountRef} in <Link href={`${base}/campaigns/${encodeURIComponent(campaignId!)}`}>{campaignId}</Link>
          </PersonHead>
          <div class="grid">
            <Card id="status" title="Status">
              <Facts
                facts={[
                  ...outreachFacts(state, profile.timeZone),
                  ['Balance', money(state.balanceMinor, profile.currency)],
                  ['Paid so far', money(state.paidMinor, profile.currency)],
                  ['Strategy', state.segmentId ? `${state.strategy} (segment ${state.segmentId})` : state.strategy],
                  state.humanTask && ['Waiting for an agent', `${state.humanTask.reason} (since ${when(new Date(state.humanTask.openedAt).toISOString(), profile.timeZone)})`],
                ]}
              />
            </Card>
            <Card id="profile" title="Profile">
              <Facts
                facts={[
                  ['Phone', profile.phone],
                  ['Time zone', profile.timeZone],
                  ['Language', profile.language],
                  ['Amount due', money(profile.amountDueMinor, profile.currency)],
                  ['Due date', profile.dueDate],
                  profile.birthYear !== undefined && ['Birth year', String(profile.birthYear)],
                  profile.zip !== undefined && ['Postal code', profile.zip],
                  ['Days past due', profile.segmentData.daysPastDue ?? '—'],
                  ['Artificial voice consent', profile.artificialVoiceConsent ? 'yes' : 'no'],
                ]}
              />
            </Card>
            <DebtorActions base={path} currency={profile.currency} paused={state.paused} open={state.outcome === undefined} onDone={reload} />
            <Commitments state={state} />
            <Payments rows={payments.data?.payments} zone={profile.timeZone} />
          </div>
          <TimelinePanel key={round} path={`${path}/timeline`} />
        </>
      )}
    </Loading>
  );
}

function Commitments(props: { state: DebtorView }) {
  const { promise, plan, currency, brokenPromises } = props.state;
  return (
    <Card id="commitments" title="Promises and plans">
      {!promise && !plan && <p class="muted">No promise or plan.</p>}
      {promise && (
        <p>
          Promised {money(promise.amountMinor, currency)} by {promise.dueDate}
        </p>
      )}
      {plan && (
        <div class="table-wrap">
          <table>
            <caption class="muted">Instalment plan</caption>
            <thead>
              <tr>
                <th>Due</th>
                <th class="num">Amount</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {plan.instalments.map((instalment) => (
                <tr key={instalment.dueDate}>
                  <td>{instalment.dueDate}</td>
                  <td class="num">{money(instalment.amountMinor, currency)}</td>
                  <td>{instalment.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {brokenPromises > 0 && <p class="muted">Broken promises: {brokenPromises}</p>}
    </Card>
  );
}

function Payments(props: { rows?: PaymentRow[]; zone: string }) {
  return (
    <Card id="payments" title="Payments">
      {props.rows?.length === 0 && <p class="muted">No payments yet.</p>}
      {props.rows && props.rows.length > 0 && (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th>Received</th>
                <th class="num">Amount</th>
                <th>How</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((row) => (
                <tr key={row.paymentId}>
                  <td>{when(row.receivedAt, props.zone)}</td>
                  <td class="num">{money(row.amountMinor, row.currency)}</td>
                  <td>{row.provider === 'manual' ? `recorded by ${row.recordedBy ?? 'an operator'}` : row.provider}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
