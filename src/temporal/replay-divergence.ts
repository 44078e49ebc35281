import { temporal } from '@temporalio/proto';

// Where a replay parted from its history, named for a person: the event, its type, and what it
// scheduled. Core says why in its own words, and names the event itself only sometimes ("No
// command scheduled for event HistoryEvent(id: 9, ...)"); otherwise it names an activity, a timer
// or a marker, found here among the events of the workflow task that diverged.

export type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

export interface DivergedEvent {
  id: number;
  /** As Temporal's UI and CLI name it: ActivityTaskScheduled, TimerStarted, MarkerRecorded... */
  type: string;
  /** What the event scheduled or recorded: an activity's type, a timer's id, a marker's name. */
  detail?: string;
}

/** The event type's name without its prefix, in PascalCase: EVENT_TYPE_TIMER_STARTED is TimerStarted. */
export function eventTypeName(event: HistoryEvent): string {
  const raw = typeof event.eventType === 'string' ? event.eventType : (temporal.api.enums.v1.EventType[event.eventType ?? 0] ?? 'UNSPECIFIED');
  return raw
    .replace(/^EVENT_TYPE_/, '')
    .toLowerCase()
    .replace(/(^|_)([a-z])/g, (_m, _sep, letter: string) => letter.toUpperCase());
}

function detailOf(event: HistoryEvent): string | undefined {
  return (
    event.activityTaskScheduledEventAttributes?.activityType?.name ??
    event.timerStartedEventAttributes?.timerId ??
    event.timerFiredEventAttributes?.timerId ??
    event.markerRecordedEventAttributes?.markerName ??
    event.startChildWorkflowExecutionInitiatedEventAttributes?.workflowType?.name ??
    event.workflowExecutionSignaledEventAttributes?.signalName ??
    event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name ??
    undefined
  );
}

function described(event: HistoryEvent): DivergedEvent {
  const detail = detailOf(event);
  return { id: Number(event.eventId), type: eventTypeName(event), ...(detail ? { detail } : {}) };
}

/** Core's own sentence for what went wrong, out of the SDK's wrapping around it. */
export function replayReason(message: string): string {
  const core = /message: "((?:[^"\\]|\\.)*)"/.exec(message)?.[1]?.replace(/\\(.)/g, '$1') ?? message;
  if (core.includes('Unknown encoding: binary/encrypted')) return `${core}: the history's payloads are encrypted and no payload key is configured (TEMPORAL_PAYLOAD_KEYS)`;
  return core;
}

/** Names core gives in quotes: an activity's id or type, a timer's id, a marker's activity. */
function quotedNames(reason: string): string[] {
  return [...reason.matchAll(/(?:event|marker) '([^']+)'/g)].map((match) => match[1]!);
}

function mentions(event: HistoryEvent, name: string): boolean {
  const scheduled = event.activityTaskScheduledEventAttributes;
  return scheduled?.activityId === name || detailOf(event) === name;
}

/**
 * The event where code and history part, given core's reason and the events of the workflow task
 * that diverged (`task`: from just after the previous task started to the end of this one's
 * commands). An event core names by id wins; then one it names by activity, timer or marker;
 * else the task's first command, the first thing the code was asked to reproduce.
 */
export function divergedEvent(events: readonly HistoryEvent[], task: readonly HistoryEvent[], reason: string): DivergedEvent | undefined {
  const namedId = /(?:HistoryEvent\(id: |event_id: |event id: )(\d+)/.exec(reason)?.[1];
  const byId = namedId === undefined ? undefined : events.find((event) => Number(event.eventId) === Number(namedId));
  if (byId) return described(byId);
  const names = quotedNames(reason);
  const named = task.find((event) => names.some((name) => mentions(event, name)));
  if (named) return described(named);
  const completed = task.findIndex((event) => eventTypeName(event) === 'WorkflowTaskCompleted');
  const firstCommand = completed >= 0 ? task[completed + 1] : undefined;
  const fallback = firstCommand ?? task.at(-1);
  return fallback ? described(fallback) : undefined;
}
