import { useEffect, useMemo, useState } from 'preact/hooks';
import { Loading, useApi } from '../ui';
import type { QueuePage as Page } from '../queue/queue-task';
import { TaskCard } from '../queue/task-card';
import './queue.css';

/** How often the list is read again, so a task another agent claimed shows as taken. */
const refreshEveryMs = 3000;

export function QueuePage(_props: { params: Record<string, string> }) {
  const loaded = useApi<Page>('/human-tasks?limit=50');
  const { reload } = loaded;
  useEffect(() => {
    const timer = setInterval(reload, refreshEveryMs);
    return () => clearInterval(timer);
  }, [reload]);
  // The wait times tick on from the moment this list arrived.
  const fetchedAt = useMemo(() => Date.now(), [loaded.data]);
  const [notice, setNotice] = useState('');
  const resolved = (what: string) => {
    setNotice(what);
    reload();
  };
  return (
    <>
      <h1>Agents' queue</h1>
      <p class="muted">Open tasks, oldest first. Claim one to work it; the list refreshes every few seconds.</p>
      <p role="status" class="ok">
        {notice}
      </p>
      <Loading loaded={loaded}>
        {(page) =>
          page.tasks.length === 0 ? (
            <p>No open tasks: nobody is waiting for a person.</p>
          ) : (
            <ol class="queue">
              {page.tasks.map((task) => (
                <li key={task.taskId}>
                  <TaskCard task={task} fetchedAt={fetchedAt} onChanged={reload} onResolved={resolved} />
                </li>
              ))}
            </ol>
          )
        }
      </Loading>
    </>
  );
}
