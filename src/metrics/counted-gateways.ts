import { CallRejectedError, type CallGateway } from '../adapters/twilio/twilio-calls';
import { SmsRejectedError, type SmsGateway } from '../adapters/twilio/twilio-sms';
import type { ServiceMetrics } from './service-metrics';

// Texts and calls asked of Twilio, counted where they leave the service: the worker's Twilio
// gateways, which every send and call goes through.

type Result = 'sent' | 'placed' | 'rejected' | 'error';

async function counted<T>(request: Promise<T>, success: Result, count: (result: Result) => void, rejected: (err: unknown) => boolean): Promise<T> {
  try {
    const answer = await request;
    count(success);
    return answer;
  } catch (err) {
    count(rejected(err) ? 'rejected' : 'error');
    throw err;
  }
}

export function countedSms(sms: SmsGateway, metrics: ServiceMetrics): SmsGateway {
  return {
    ...sms,
    send: (message) =>
      counted(sms.send(message), 'sent', (result) => metrics.textsSent.inc({ result }), (err) => err instanceof SmsRejectedError),
  };
}

export function countedCalls(calls: CallGateway, metrics: ServiceMetrics): CallGateway {
  return {
    ...calls,
    place: (request) =>
      counted(calls.place(request), 'placed', (result) => metrics.callsPlaced.inc({ result }), (err) => err instanceof CallRejectedError),
  };
}
