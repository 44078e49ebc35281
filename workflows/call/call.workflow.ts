import { allHandlersFinished, condition, setHandler, workflowInfo } from '@temporalio/workflow';
import { localToday } from '../../src/dialog/calendar';
import { calls } from './call-activities';
import { placeOutboundCall } from './place-call';
import { callRecordKey, newCall, type Call } from './call-state';
import {
  callSummaryQuery,
  callWebhookUpdate,
  lastHeardQuery,
  paymentDuringCallSignal,
  type CallResult,
  type CallWebhookEvent,
  type CallWorkflowInput,
  type PlacedCall,
} from './call.messages';
import { onAnswered } from './answering';
import { onTransferEnded } from './hand-off';
import { callOutcome } from './outcome';
import { onPaymentDuringCall } from './pay-now';
import { storeTurns } from './turn-records';
import { onAnswer } from './turns';

/**
 * One outbound call of a debtor's cadence, from placing it to its structured outcome. Twilio's
 * voice webhooks arrive as Updates whose results are the TwiML Twilio runs next; each turn comes
 * from the dialog engine (the LLM when configured, checked by the turn policy; the rule engine
 * otherwise and as the fallback). The parts of the call: answering.ts (the pick-up), turns.ts (the
 * conversation), pay-now.ts, hand-off.ts (escalation to a person) and outcome.ts.
 */
export async function callWorkflow(input: CallWorkflowInput): Promise<CallResult> {
  const setup = await calls.prepareCall({ ...input, now: Date.now() });
  // Webhooks and payments that arrive before this point wait for their handlers.
  const call = newCall(input, workflowInfo().workflowId, setup);
  setHandler(callWebhookUpdate, (event) => onWebhook(call, event), { validator: (event) => acceptWebhook(call, event) });
  setHandler(callSummaryQuery, () => call.escalation?.summary ?? '');
  setHandler(lastHeardQuery, () => call.ctx.history.at(-1)?.heard ?? '');
  setHandler(paymentDuringCallSignal, (payment) => onPaymentDuringCall(call.payNow, payment));
  await calls.saveCall({ ...callRecordKey(call), ended: false });

  const placed = await placeCall(call);
  call.finished = true;
  await condition(allHandlersFinished);
  storeTurns(call);
  await Promise.all(call.writes);
  const result = callOutcome(call, placed, localToday(Date.now(), input.debtor.timeZone));
  await calls.saveCall({ ...callRecordKey(call), callSid: result.callSid, status: result.status, answeredBy: placed?.answeredBy, outcome: result, ended: true });
  return result;
}

function placeCall(call: Call): Promise<PlacedCall | undefined> {
  const { input } = call;
  return placeOutboundCall(input.voiceQueue, {
    attemptKey: input.attemptKey,
    callWorkflowId: call.workflowId,
    debtorWorkflowId: input.debtorWorkflowId,
    campaignId: input.campaignId,
    campaignVersion: input.campaignVersion,
    stepId: input.stepId,
    to: input.debtor.phone,
  });
}

function onWebhook(call: Call, event: CallWebhookEvent): Promise<string> {
  call.callSid ??= event.callSid;
  if (event.kind === 'answered') return onAnswered(call, event.answeredBy);
  if (event.kind === 'dial-ended') return onTransferEnded(call, event.dialStatus);
  return onAnswer(call, event);
}

/** Refuses, before it reaches history, a webhook for a call that has ended or a turn never asked. */
function acceptWebhook(call: Call, event: CallWebhookEvent): void {
  if (call.finished) throw new Error('the call has ended');
  if ((event.kind === 'heard' || event.kind === 'recorded') && (event.turn < 1 || event.turn > call.asked)) throw new Error(`turn ${event.turn} was never asked`);
}
