import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { eventually, serviceNumber, startCollectionsStack, type CollectionsStack } from '../support/collections-stack';
import { call, csv, yaml } from '../support/api-calls';

// A debtor imported while their contact window is open gets the first text without waiting on
// the Temporal server more than needed: the reads that decide (campaign version, consent ledger)
// run inside the workflow's first task, and the audit and status writes go beside the send.
// On the dev server, in real time, through the import API, the worker and the Twilio simulator.

const campaignId = 'first-contact';
/** fast-cadence.yaml: the first text is due at once, and the window spans the whole day. */
const campaignYaml = readFileSync(path.resolve(__dirname, '../fixtures/campaigns/fast-cadence.yaml'), 'utf8').replace(/^id: .*$/m, `id: ${campaignId}`);

describe('first contact', () => {
  let stack: CollectionsStack;
  beforeAll(async () => {
    stack = await startCollectionsStack('first-contact');
    const applied = await call(stack.service.httpUrl!, 'PUT', '/campaigns', yaml(campaignYaml));
    expect(applied.status).toBe(201);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('when a debtor is imported inside their contact window, then the first text reaches Twilio after at most 3 workflow tasks and within 25 history events', async () => {
    // A UK number, as the campaign is under UK law: a +1 number would be held to US calling hours.
    const phone = '+447911123477';
    stack.simulator.people.assign(phone, 'never-answers');
    const rows = ['accountRef,fullName,phone,timeZone,amountDue,dueDate', `FC-1,Jordan Lee,${phone},Europe/London,125.00,2026-11-01`].join('\n');
    const imported = await call(stack.service.httpUrl!, 'POST', `/campaigns/${campaignId}/debtors/import`, csv(rows));
    expect(imported.body).toMatchObject({ started: 1 });

    await eventually('the first text', async () => (stack.simulator.store.listMessages({ to: phone }).some((m) => m.from === serviceNumber) ? true : undefined));
    const workflowId = `debtor/${campaignId}/FC-1`;
    const events = await eventually('the send recorded in history', async () => {
      const history = await stack.service.gateway.client.workflow.getHandle(workflowId).fetchHistory();
      const list: HistoryEvent[] = JSON.parse(historyToJSON(history)).events;
      return list.some((e) => isSendCompleted(list, e)) ? list : undefined;
    });

    const sendScheduled = events.findIndex((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'sendSms');
    const sendCompleted = events.findIndex((e) => isSendCompleted(events, e));
    const tasksBeforeSend = events.slice(0, sendScheduled).filter((e) => e.eventType === 'EVENT_TYPE_WORKFLOW_TASK_COMPLETED').length;
    const eventList = events.slice(0, sendCompleted + 1).map((e) => e.eventType.replace('EVENT_TYPE_', '')).join(', ');
    expect(tasksBeforeSend, eventList).toBeLessThanOrEqual(3);
    expect(sendCompleted + 1, eventList).toBeLessThanOrEqual(25);
  });
});

interface HistoryEvent {
  eventId: string;
  eventType: string;
  activityTaskScheduledEventAttributes?: { activityType: { name: string } };
  activityTaskCompletedEventAttributes?: { scheduledEventId: string };
}

/** Whether `event` completes the sendSms activity (the text accepted by Twilio). */
function isSendCompleted(events: HistoryEvent[], event: HistoryEvent): boolean {
  const scheduledId = event.activityTaskCompletedEventAttributes?.scheduledEventId;
  if (scheduledId === undefined) return false;
  return events.find((e) => e.eventId === scheduledId)?.activityTaskScheduledEventAttributes?.activityType.name === 'sendSms';
}
