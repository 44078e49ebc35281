import { newSid } from '../ids';
import type { CallRecord } from '../records';

/** A new call as Twilio first reports it: nothing has happened on it yet. */
export function newCallRecord(fields: Pick<CallRecord, 'accountSid' | 'from' | 'to' | 'direction' | 'status'>): CallRecord {
  const now = new Date();
  return {
    sid: newSid('CA'),
    ...fields,
    answeredBy: null,
    dateCreated: now,
    dateUpdated: now,
    startTime: null,
    endTime: null,
    durationSeconds: null,
    price: null,
    errorCode: null,
    transcript: [],
  };
}
