import { useState } from 'preact/hooks';
import { api } from '../api';
import { Link } from '../router';
import { useSession } from '../session';
import { describe, Problem } from '../ui';
import { claimPath, personName, personPagePath, type QueueTask } from './queue-task';
import { PersonAtAGlance } from './person-at-a-glance';
import { ResolutionForm } from './resolution-form';
import { WaitTime } from './wait-time';

// One task in the queue. Anyone's: the reason, the person, the summary and the wait, with a Claim
// button (the server has the last word: a claim someone made since the last refresh is refused
// with their name). The signed-in agent's own: opened up with the story and the resolution form.

export function TaskCard(props: { task: QueueTask; fetchedAt: number; onChanged(): void; onResolved(what: string): void }) {
  const { task } = props;
  const me = useSession().actor;
  const mine = task.claimedBy?.agent === me;
  const [problem, setProblem] = useState<string>();
  const act = (action: 'claim' | 'release') => async () => {
    setProblem(undefined);
    try {
      await api('POST', claimPath(task, action));
    } catch (err) {
      setProblem(describe(err));
    }
    props.onChanged();
  };
  const headingId = `task-${task.taskId}`;
  return (
    <article class={`task card${mine ? ' mine' : ''}`} aria-labelledby={headingId}>
      <header class="task-head">
        <h2 id={headingId}>
          <span class="reason">{task.reason.replaceAll('-', ' ')}</span> {personName(task)}
        </h2>
        <WaitTime waitSeconds={task.waitSeconds} fetchedAt={props.fetchedAt} />
      </header>
      <p class="summary">{task.summary}</p>
      <div class="claim">
        {task.claimedBy ? <span class="holder">{mine ? 'Claimed by you' : `Claimed by ${task.claimedBy.agent}`}</span> : <span class="holder free">Not claimed</span>}
        {mine ? (
          <button type="button" onClick={act('release')}>
            Release
          </button>
        ) : (
          <button type="button" class="primary" onClick={act('claim')}>
            Claim
          </button>
        )}
      </div>
      <Problem message={problem} />
      {mine ? <TaskWork task={task} onResolved={props.onResolved} /> : <Transcript task={task} collapsed />}
    </article>
  );
}

function TaskWork(props: { task: QueueTask; onResolved(what: string): void }) {
  const { task } = props;
  return (
    <div class="work">
      <PersonAtAGlance task={task} />
      <p>
        <Link href={personPagePath(task)}>Open the whole story: profile, timeline, payments</Link>
      </p>
      <Transcript task={task} />
      <ResolutionForm task={task} onResolved={props.onResolved} />
    </div>
  );
}

function Transcript(props: { task: QueueTask; collapsed?: boolean }) {
  const { transcript } = props.task;
  if (transcript.length === 0) return props.collapsed ? null : <p class="muted">No call transcript: this task did not come from a call.</p>;
  const turns = (
    <ol class="transcript" aria-label="Transcript (redacted)">
      {transcript.map((turn, i) => (
        <li key={i}>
          {turn.said && <div class="said">Parley: {turn.said}</div>}
          {turn.heard && <div class="heard">Caller: {turn.heard}</div>}
        </li>
      ))}
    </ol>
  );
  if (!props.collapsed) return turns;
  return (
    <details>
      <summary>Transcript ({transcript.length} turns, redacted)</summary>
      {turns}
    </details>
  );
}
