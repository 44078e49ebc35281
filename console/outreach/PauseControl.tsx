import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { useCan } from '../session';
import { ConfirmButton, Loading, useApi } from '../ui';
import { documentPath, type OutreachKind } from './kinds';
import { PausedBadge } from './PausedBadge';
import type { BroadcastProgress, Broadcasts } from './wire';

/** How often a running broadcast's progress is read again: the console's live views refresh every 1-3 s. */
const refreshMs = 1500;

/**
 * Whether the document is paused, Pause or Resume (operators and admins: the server refuses the
 * others too), and how far the pause or resume has reached its running people, read again while
 * it goes on.
 */
export function PauseControl(props: { kind: OutreachKind; id: string }) {
  const { kind, id } = props;
  const loaded = useApi<Broadcasts>(documentPath(kind, id, '/broadcasts'));
  // The request answers once the broadcast is done or after a wait; the bar moves meanwhile.
  const [acting, setActing] = useState(false);
  useRefreshWhile(acting || loaded.data?.broadcasts?.pause?.done === false, loaded.reload);
  const canAct = useCan('operator');
  const act = (verb: 'pause' | 'resume') => async () => {
    setActing(true);
    try {
      await api('POST', documentPath(kind, id, `/${verb}`));
    } finally {
      setActing(false);
      loaded.reload();
    }
  };
  return (
    <section aria-labelledby="run-heading" class="card">
      <h2 id="run-heading">Status</h2>
      <Loading loaded={loaded}>
        {(state) => (
          <>
            <p>
              <PausedBadge paused={state.paused} /> {state.people.total} {kind.people}, {state.people.running} still running.
            </p>
            {canAct &&
              (state.paused ? (
                <ConfirmButton label={`Resume ${kind.name}`} question={`Resume contact with the ${state.people.running} running ${kind.people}? Those an operator paused one by one stay paused.`} onConfirm={act('resume')} />
              ) : (
                <ConfirmButton label={`Pause ${kind.name}`} danger question={`Stop contact with all ${state.people.running} running ${kind.people} until the ${kind.name} is resumed? Imports are refused while it is paused.`} onConfirm={act('pause')} />
              ))}
            {state.broadcasts === undefined ? (
              <p class="muted">The progress of pauses and resumes cannot be read now (Temporal does not answer).</p>
            ) : (
              state.broadcasts.pause && <BroadcastBar progress={state.broadcasts.pause} paused={state.paused} people={state.people.running} kind={kind} />
            )}
          </>
        )}
      </Loading>
    </section>
  );
}

function useRefreshWhile(running: boolean, reload: () => void): void {
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(reload, refreshMs);
    return () => clearInterval(timer);
  }, [running, reload]);
}

function BroadcastBar(props: { progress: BroadcastProgress; paused: boolean; people: number; kind: OutreachKind }) {
  const { progress, kind } = props;
  const told = progress.updated + progress.skipped;
  // People imported or ended while it ran change the count: the bar never shows more than full.
  const max = Math.max(props.people, told, 1);
  const verb = props.paused ? 'Pause' : 'Resume';
  const state = progress.superseded ? 'replaced by a newer one' : progress.done ? 'done' : 'in progress';
  return (
    <div class="broadcast" aria-live="polite">
      <label for="broadcast-progress">
        {verb}: {state}
      </label>
      <progress id="broadcast-progress" max={max} value={told} />
      <p class="muted">
        {progress.updated} {kind.people} told, {progress.skipped} skipped (ended or already so), of {max}.
      </p>
    </div>
  );
}
