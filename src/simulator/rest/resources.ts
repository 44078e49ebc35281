import { rfc2822 } from '../ids';
import type { CallRecord, MessageRecord, TranscriptEntry } from '../records';

const API_VERSION = '2010-04-01';

export function accountPath(accountSid: string): string {
  return `/${API_VERSION}/Accounts/${accountSid}`;
}

/** A Message as Twilio's REST API renders it (snake_case, RFC 2822 dates, counts as strings). */
export function messageJson(message: MessageRecord) {
  const uri = `${accountPath(message.accountSid)}/Messages/${message.sid}`;
  return {
    account_sid: message.accountSid,
    api_version: API_VERSION,
    body: message.body,
    date_created: rfc2822(message.dateCreated),
    date_sent: rfc2822(message.dateSent),
    date_updated: rfc2822(message.dateUpdated),
    direction: message.direction,
    error_code: message.errorCode,
    error_message: message.errorMessage,
    from: message.from,
    messaging_service_sid: null,
    num_media: '0',
    num_segments: String(message.numSegments),
    price: message.price,
    price_unit: 'USD',
    sid: message.sid,
    status: message.status,
    subresource_uris: { media: `${uri}/Media.json`, feedback: `${uri}/Feedback.json` },
    to: message.to,
    uri: `${uri}.json`,
  };
}

/** A Call as Twilio's REST API renders it; duration is a string of whole seconds once ended. */
export function callJson(call: CallRecord) {
  const uri = `${accountPath(call.accountSid)}/Calls/${call.sid}`;
  return {
    account_sid: call.accountSid,
    annotation: null,
    answered_by: call.answeredBy,
    api_version: API_VERSION,
    caller_name: null,
    date_created: rfc2822(call.dateCreated),
    date_updated: rfc2822(call.dateUpdated),
    direction: call.direction,
    duration: call.durationSeconds === null ? null : String(call.durationSeconds),
    end_time: rfc2822(call.endTime),
    forwarded_from: null,
    from: call.from,
    from_formatted: call.from,
    group_sid: null,
    parent_call_sid: null,
    phone_number_sid: null,
    price: call.price,
    price_unit: 'USD',
    queue_time: '0',
    sid: call.sid,
    start_time: rfc2822(call.startTime),
    status: call.status,
    subresource_uris: {
      notifications: `${uri}/Notifications.json`,
      recordings: `${uri}/Recordings.json`,
      events: `${uri}/Events.json`,
    },
    to: call.to,
    to_formatted: call.to,
    trunk_sid: null,
    uri: `${uri}.json`,
  };
}

/** A Recording as Twilio's REST API renders it; media_url is where the WAV is served. */
export function recordingJson(call: CallRecord, recording: Extract<TranscriptEntry, { kind: 'recording' }>) {
  const uri = `${accountPath(call.accountSid)}/Recordings/${recording.recordingSid}`;
  const created = rfc2822(new Date(recording.at));
  return {
    account_sid: call.accountSid,
    api_version: API_VERSION,
    call_sid: call.sid,
    channels: 1,
    conference_sid: null,
    date_created: created,
    date_updated: created,
    duration: String(recording.durationSeconds),
    error_code: null,
    media_url: uri,
    price: null,
    price_unit: 'USD',
    sid: recording.recordingSid,
    source: 'RecordVerb',
    start_time: created,
    status: 'completed',
    uri: `${uri}.json`,
  };
}
