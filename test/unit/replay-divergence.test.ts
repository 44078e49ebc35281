import { describe, expect, it } from 'vitest';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { temporal } from '@temporalio/proto';
import { divergedEvent, eventTypeName, replayReason, type HistoryEvent } from '../../src/temporal/replay-divergence';

// A run's first two workflow tasks, as a history file holds them.
const history: HistoryEvent[] = historyFromJSON({
  events: [
    { eventId: '1', eventType: 'EVENT_TYPE_WORKFLOW_EXECUTION_STARTED', workflowExecutionStartedEventAttributes: {} },
    { eventId: '2', eventType: 'EVENT_TYPE_WORKFLOW_TASK_SCHEDULED', workflowTaskScheduledEventAttributes: {} },
    { eventId: '3', eventType: 'EVENT_TYPE_WORKFLOW_TASK_STARTED', workflowTaskStartedEventAttributes: {} },
    { eventId: '4', eventType: 'EVENT_TYPE_WORKFLOW_TASK_COMPLETED', workflowTaskCompletedEventAttributes: {} },
    { eventId: '5', eventType: 'EVENT_TYPE_MARKER_RECORDED', markerRecordedEventAttributes: { markerName: 'core_local_activity' } },
    { eventId: '6', eventType: 'EVENT_TYPE_ACTIVITY_TASK_SCHEDULED', activityTaskScheduledEventAttributes: { activityId: '2', activityType: { name: 'recordAudit' } } },
    { eventId: '7', eventType: 'EVENT_TYPE_ACTIVITY_TASK_SCHEDULED', activityTaskScheduledEventAttributes: { activityId: '3', activityType: { name: 'saveSnapshot' } } },
    { eventId: '8', eventType: 'EVENT_TYPE_TIMER_STARTED', timerStartedEventAttributes: { timerId: '1' } },
  ],
}).events!;
/** The workflow task that diverged: from its start to the end of its commands. */
const task = history.slice(2);
const { EventType } = temporal.api.enums.v1;
const wrapped = (core: string) => `Replay failed with a nondeterminism error. Details: Workflow activation completion failed: Failure { failure: Some(Failure { message: "${core}", source: "" }) }`;

describe('where a replay diverged', () => {
  it.each([
    ['core names the event', 'Nondeterminism error: No command scheduled for event HistoryEvent(id: 8, TimerStarted)', { id: 8, type: 'TimerStarted', detail: '1' }],
    ['core names it in its debug form', 'Fatal error in workflow machines: History is out of order. Last processed event: 5, event id: 7', { id: 7, type: 'ActivityTaskScheduled', detail: 'saveSnapshot' }],
    ["core names the scheduled activity's type", "[TMPRL1100] Nondeterminism error: Activity type of scheduled event 'saveSnapshot' does not match activity type of activity command 'recordAudit'", { id: 7, type: 'ActivityTaskScheduled', detail: 'saveSnapshot' }],
    ["core names the scheduled activity's id", "[TMPRL1100] Nondeterminism error: Activity id of scheduled event '2' does not match activity id of activity command '3'", { id: 6, type: 'ActivityTaskScheduled', detail: 'recordAudit' }],
    ['core names nothing', 'Nondeterminism error: Timer fired event did not have expected timer id 2, it was 1!', { id: 5, type: 'MarkerRecorded', detail: 'core_local_activity' }],
  ])('when %s, then the event is the one in the task that diverged', (_case, core, expected) => {
    expect(divergedEvent(history, task, replayReason(wrapped(core)))).toEqual(expected);
  });

  it("when the SDK wraps core's reason, then the reason is core's sentence alone", () => {
    expect(replayReason(wrapped('[TMPRL1100] Nondeterminism error: a \\"quoted\\" name'))).toBe('[TMPRL1100] Nondeterminism error: a "quoted" name');
    expect(replayReason('plain message')).toBe('plain message');
  });

  it('when the payloads are encrypted and no key was given, then the reason says which setting is missing', () => {
    expect(replayReason(wrapped('Unknown encoding: binary/encrypted'))).toContain('TEMPORAL_PAYLOAD_KEYS');
  });

  it("when an event's type is read, then it is named as Temporal's UI names it, from a number or from JSON's string", () => {
    expect(eventTypeName({ eventType: EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW })).toBe('WorkflowExecutionContinuedAsNew');
    expect(eventTypeName({ eventType: 'EVENT_TYPE_ACTIVITY_TASK_SCHEDULED' as never })).toBe('ActivityTaskScheduled');
  });
});
