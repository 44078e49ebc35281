import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { temporal } from '@temporalio/proto';
import { tsToMs } from '@temporalio/common/lib/time';

/**
 * Skips the time-skipping server's clock from one of a workflow's timers to the next, never past
 * one blindly, and never while one of its calls is live.
 *
 * Why: the Java test server strands a run whose workflow task cancels a timer that fired while
 * the task was with the worker. It refuses the completion ("invalid history builder state for
 * action", temporalio/sdk-java#3088) and never sends the task again, and since its clock stays
 * locked while a task is outstanding, every later skip in the file hangs too. A signal (a reply,
 * a payment, a delivery report) that lands while a skip runs over the timer it cancels is such a
 * task; on a loaded machine the signal's task is slow enough to lose that race. So a skip ends
 * just past the workflow's next timer, the real-time world (the simulator's people, the test's
 * own signals) acts only between skips, and a call, whose webhooks arrive in real time against
 * its own timers, is let run at the real clock's pace.
 */

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/** A skip that ends this close before a timer goes past it: the test's next signal must not race it. */
const timerGuardMs = 5_000;
/** How far past a timer a skip lands, so the timer has fired and its task is under way. */
const pastTimerMs = 1_000;
const realTimeStepMs = 250;

interface PendingWork {
  /** When the earliest open timer of the workflow fires (server time), if it has one. */
  nextTimerAt?: number;
  /** Child workflows (calls) still running. */
  openChildren: number;
}

async function pendingWork(env: TestWorkflowEnvironment, workflowId: string): Promise<PendingWork> {
  const history = await env.client.workflow.getHandle(workflowId).fetchHistory();
  const events = history.events ?? [];
  const timers = new Map<string, number>();
  const children = new Set<string>();
  for (const event of events) {
    const id = String(event.eventId);
    if (event.timerStartedEventAttributes) {
      timers.set(id, tsToMs(event.eventTime) + tsToMs(event.timerStartedEventAttributes.startToFireTimeout));
    }
    const closedTimer = event.timerFiredEventAttributes ?? event.timerCanceledEventAttributes;
    if (closedTimer) timers.delete(String(closedTimer.startedEventId));
    if (event.startChildWorkflowExecutionInitiatedEventAttributes) children.add(id);
    const closedChild = childClosedBy(event);
    if (closedChild !== undefined) children.delete(closedChild);
  }
  const fireTimes = [...timers.values()];
  return { nextTimerAt: fireTimes.length > 0 ? Math.min(...fireTimes) : undefined, openChildren: children.size };
}

function childClosedBy(event: HistoryEvent): string | undefined {
  const closed =
    event.childWorkflowExecutionCompletedEventAttributes ??
    event.childWorkflowExecutionFailedEventAttributes ??
    event.childWorkflowExecutionCanceledEventAttributes ??
    event.childWorkflowExecutionTimedOutEventAttributes ??
    event.childWorkflowExecutionTerminatedEventAttributes ??
    event.startChildWorkflowExecutionFailedEventAttributes;
  return closed ? String(closed.initiatedEventId) : undefined;
}

/** What one step of the clock did. */
export type Step = 'skipped' | 'live call' | 'idle';

/**
 * One step of the clock toward `until`: to just past the workflow's next timer (or to `until`
 * when that comes first, unless a timer is due within the guard after it). While a call is live,
 * or while the workflow has no timer and no end is set, a moment of real time instead.
 */
export async function stepClock(env: TestWorkflowEnvironment, workflowId: string, until = Number.POSITIVE_INFINITY): Promise<Step> {
  const work = await pendingWork(env, workflowId);
  const now = await env.currentTimeMs();
  if (work.openChildren > 0 || (work.nextTimerAt === undefined && until === Number.POSITIVE_INFINITY)) {
    await new Promise((r) => setTimeout(r, realTimeStepMs));
    return work.openChildren > 0 ? 'live call' : 'idle';
  }
  const timerAt = work.nextTimerAt ?? Number.POSITIVE_INFINITY;
  const target = timerAt <= until + timerGuardMs ? timerAt + pastTimerMs : until;
  if (target > now) await env.sleep(target - now);
  return 'skipped';
}
