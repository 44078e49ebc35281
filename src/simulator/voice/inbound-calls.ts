import { type SimulatorContext, accountOfNumber } from '../context';
import { SimulatorUsageError } from '../personas/people-registry';
import { isE164 } from '../phone-numbers';
import type { CallRecord } from '../records';
import { newCallRecord } from './call-record';
import { runAnsweredCall, runCall } from './call-lifecycle';
import { type CallRequest, CallSession, type StatusCallbackEvent } from './call-session';

/**
 * A simulated person calls one of the service's numbers: Twilio requests the number's voice URL
 * and runs the TwiML, the person answering its questions as their persona says.
 */
export function receiveCallFromPerson(context: SimulatorContext, personPhone: string, servicePhone: string): CallRecord {
  const number = context.serviceNumber(servicePhone);
  if (!number?.voiceUrl) throw new SimulatorUsageError(`${servicePhone} is not a service phone number with a voiceUrl`);
  if (!isE164(personPhone)) throw new SimulatorUsageError(`phone must be in E.164 format, got "${personPhone}"`);
  const account = accountOfNumber(context, number);
  const call = newCallRecord({ accountSid: account.sid, from: personPhone, to: servicePhone, direction: 'inbound', status: 'ringing' });
  context.store.addCall(call);
  const request: CallRequest = {
    url: number.voiceUrl,
    method: number.voiceMethod ?? 'POST',
    twiml: null,
    fallbackUrl: null,
    fallbackMethod: 'POST',
    statusCallback: null,
    statusCallbackMethod: 'POST',
    statusCallbackEvents: new Set<StatusCallbackEvent>(),
    machineDetection: null,
    ringTimeoutSeconds: 60,
    timeLimitSeconds: 14_400,
  };
  const session = new CallSession(context, account, call.sid, request, context.people.at(personPhone));
  context.liveCalls.set(call.sid, session);
  context.log({ level: 'info', message: `incoming call from ${personPhone} to ${servicePhone}`, callSid: call.sid });
  // Twilio answers an incoming call as it starts running the number's TwiML.
  context.tasks.run(`call ${call.sid}`, () =>
    runCall(session, async () => {
      session.answer(null);
      await runAnsweredCall(session, { kind: 'url', url: number.voiceUrl!, method: request.method, purpose: 'voice-url' });
    }),
  );
  return call;
}
