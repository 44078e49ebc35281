import type { LiveCall, LiveHandOff, LiveState, LiveText } from '../../src/live/live-state';
import { callsInProgress, handOffWaitSeconds } from '../../src/live/live-state';
import type { LiveWho } from '../../src/live/live-events';
import { useLiveFeed, type Connection } from '../live-feed';
import { base, Link } from '../router';
import { Problem } from '../ui';
import { Table } from '../table';
import './live.css';

// What is happening now: calls in progress with their words as they are spoken, hand-offs waiting
// for an agent, texts of the last minutes, and the day's counters. An auditor's numbers come
// masked from the service.

const connectionText: Record<Connection, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Connection lost; reconnecting…',
  refused: '',
};

export function LivePage(_props: { params: Record<string, string> }) {
  const { state, connection, now } = useLiveFeed();
  return (
    <>
      <div class="live-head">
        <h1>Live</h1>
        <p role="status" class={`live-connection ${connection}`}>
          {connectionText[connection]}
        </p>
      </div>
      {connection === 'refused' && <Problem message="The live channel refused this session: sign in again." />}
      {state ? <LiveView state={state} now={now} /> : connection !== 'refused' && <p aria-busy="true">Loading…</p>}
    </>
  );
}

function LiveView(props: { state: LiveState; now: number }) {
  const { state, now } = props;
  const calls = callsInProgress(state);
  const handOffs = Object.values(state.handOffs);
  return (
    <>
      <Counters state={state} />
      <section aria-labelledby="live-calls">
        <h2 id="live-calls">Calls in progress ({calls.filter((c) => c.endedAt === undefined).length})</h2>
        {calls.length === 0 ? <p class="muted">No calls right now.</p> : <div class="grid">{calls.map((c) => <CallCard key={c.call} call={c} now={now} />)}</div>}
      </section>
      <section aria-labelledby="live-hand-offs">
        <h2 id="live-hand-offs">Hand-offs</h2>
        {handOffs.length === 0 ? <p class="muted">Nobody is waiting for an agent.</p> : <HandOffs handOffs={handOffs} now={now} />}
      </section>
      <section aria-labelledby="live-texts">
        <h2 id="live-texts">Texts in the last 15 minutes</h2>
        {state.texts.length === 0 ? <p class="muted">No texts in the last 15 minutes.</p> : <Texts texts={state.texts} />}
      </section>
    </>
  );
}

function Counters(props: { state: LiveState }) {
  const c = props.state.counters;
  const items: Array<[string, number]> = [
    ['Calls placed', c.callsPlaced],
    ['Calls answered', c.callsAnswered],
    ['Lines spoken', c.linesSpoken],
    ['Texts sent', c.textsSent],
    ['Texts received', c.textsReceived],
    ['Hand-offs', c.handOffs],
  ];
  return (
    <section aria-label={`Today (${props.state.day}, UTC)`} class="counters">
      {items.map(([label, value]) => (
        <div class="counter" key={label}>
          <b>{value}</b>
          {label}
        </div>
      ))}
    </section>
  );
}

function CallCard(props: { call: LiveCall; now: number }) {
  const { call, now } = props;
  const label = whoText(call.who) || call.call;
  return (
    <article class={`card live-call${call.endedAt !== undefined ? ' ended' : ''}`} aria-label={`Call with ${label}`}>
      <header class="live-call-head">
        <Who who={call.who} fallback={call.call} />
        <span class="stage">{call.stage}</span>
        <span class="live-duration" title="Duration">
          {duration((call.endedAt ?? now) - (call.answeredAt ?? call.startedAt))}
        </span>
      </header>
      {call.turns.length === 0 ? (
        <p class="muted">{call.answeredAt === undefined ? 'Ringing…' : 'Nothing said yet.'}</p>
      ) : (
        <ol class="transcript" aria-label={`Transcript of the call with ${label}`} tabIndex={0}>
          {call.turns.map((turn, i) => (
            <li key={i} class={turn.speaker === 'caller' ? 'heard' : 'said'}>
              <span class="speaker">{turn.speaker === 'caller' ? 'Caller' : 'Parley'}:</span> {turn.text}
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}

function HandOffs(props: { handOffs: LiveHandOff[]; now: number }) {
  return (
    <Table caption="People waiting for an agent" columns={['Who', 'Status', { label: 'Wait', num: true }]}>
      {props.handOffs.map((h) => (
        <tr key={h.call}>
          <td>
            <Who who={h.who} fallback={h.call} />
          </td>
          <td>{h.status === 'ended' ? `ended (${h.outcome ?? 'unknown'})` : h.status}</td>
          <td class="num">{duration(handOffWaitSeconds(h, props.now) * 1000)}</td>
        </tr>
      ))}
    </Table>
  );
}

function Texts(props: { texts: LiveText[] }) {
  return (
    <Table caption="Texts in the last 15 minutes" columns={['At', 'Direction', 'Number', 'Status', 'Text']}>
      {[...props.texts].reverse().map((t) => (
        <tr key={t.seq}>
          <td>{new Date(t.at).toLocaleTimeString()}</td>
          <td>{t.direction}</td>
          <td>{t.person || '—'}</td>
          <td>{t.status}</td>
          <td class="live-text-body">{t.body ?? '—'}</td>
        </tr>
      ))}
    </Table>
  );
}


/** The account (a link to its page) and the number dialled. */
function Who(props: { who: LiveWho; fallback: string }) {
  const { campaignId, ref, phone } = props.who;
  const account = campaignId && ref ? <Link href={`${base}/campaigns/${encodeURIComponent(campaignId)}/debtors/${encodeURIComponent(ref)}`}>{ref}</Link> : (ref ?? props.fallback);
  return (
    <span class="live-who">
      {account}
      {phone && <span class="muted"> {phone}</span>}
    </span>
  );
}

function whoText(who: LiveWho): string {
  return [who.ref, who.phone].filter(Boolean).join(' ');
}

function duration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
