import type { Client } from '@temporalio/client';
import { historyToJSON, JSONToPayload, type JSONPayload } from '@temporalio/common/lib/proto-utils';
import type { Activities } from '../../activities';
import type { ContactAttemptInput } from '../../activities/contact.activities';
import { inboundSmsSignal, type InboundSms } from '../../workflows/outreach/outreach.messages';
import type { HistoryText } from '../audit/timeline/timeline-records';
import { decodeHistoryJson, workflowRunHistories, type HistoryJson } from './workflow-histories';

// The texts of a person's workflow, read from its history (every run): what was sent, as the
// workflow handed it to the send activity, and what the person sent, as the webhook signalled it.
// Neither is stored anywhere else; a timeline shows them beside the attempts the audit log names.

const sendSms: keyof Activities = 'sendSms';

interface JsonEvent {
  eventTime?: string;
  activityTaskScheduledEventAttributes?: { activityType?: { name?: string }; input?: { payloads?: JSONPayload[] } };
  workflowExecutionSignaledEventAttributes?: { signalName?: string; input?: { payloads?: JSONPayload[] } };
}

/** The text events of a history, payloads still encoded: every other event is left out before anything is decrypted. */
function textEvents(events: JsonEvent[]): JsonEvent[] {
  return events.filter(
    (event) =>
      event.activityTaskScheduledEventAttributes?.activityType?.name === sendSms ||
      event.workflowExecutionSignaledEventAttributes?.signalName === inboundSmsSignal.name,
  );
}

/** Every text of the workflow id's runs, oldest first; none when the workflow does not exist. */
export async function workflowTexts(client: Client, workflowId: string): Promise<HistoryText[]> {
  const converter = client.options.loadedDataConverter;
  const runs = await workflowRunHistories(client, workflowId);
  const texts: HistoryText[] = [];
  for (const run of runs) {
    const events = textEvents((JSON.parse(historyToJSON(run.history)) as { events?: JsonEvent[] }).events ?? []);
    const decoded = (await decodeHistoryJson({ events } as HistoryJson, converter.payloadCodecs)) as { events: JsonEvent[] };
    for (const event of decoded.events) {
      const at = Date.parse(event.eventTime ?? '');
      const sent = event.activityTaskScheduledEventAttributes?.input?.payloads?.[0];
      const received = event.workflowExecutionSignaledEventAttributes?.input?.payloads?.[0];
      if (sent) {
        const input = converter.payloadConverter.fromPayload<ContactAttemptInput & { body: string }>(JSONToPayload(sent));
        const { attemptKey, stepId, purpose, campaignVersion, to, body } = input;
        texts.push({ direction: 'out', at, attemptKey, stepId, purpose, campaignVersion, to, body });
      } else if (received) {
        const { messageSid, kind, body } = converter.payloadConverter.fromPayload<InboundSms>(JSONToPayload(received));
        texts.push({ direction: 'in', at, messageSid, kind, body });
      }
    }
  }
  return texts;
}
