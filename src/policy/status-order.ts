// The order in which Twilio's statuses of a text or a call follow each other, so that a status
// callback that arrives late or twice (Twilio retries, and callbacks travel independently) never
// rolls a stored status back. Statuses of the same rank are alternatives (a text ends delivered or
// undelivered, never both): the first one recorded stands.
// Sources: https://www.twilio.com/docs/messaging/api/message-resource#message-status-values and
// https://www.twilio.com/docs/voice/api/call-resource#call-status-values

export type StatusOrder = Readonly<Record<string, number>>;

export const smsStatusOrder: StatusOrder = {
  accepted: 0,
  scheduled: 0,
  queued: 1,
  sending: 2,
  sent: 3,
  delivered: 4,
  undelivered: 4,
  failed: 4,
  canceled: 4,
  // WhatsApp and RCS report reading after delivery.
  read: 5,
};

export const callStatusOrder: StatusOrder = {
  queued: 0,
  initiated: 1,
  ringing: 2,
  'in-progress': 3,
  completed: 4,
  busy: 4,
  'no-answer': 4,
  failed: 4,
  canceled: 4,
};

/**
 * The statuses a report of `status` must not overwrite: every later one, and the other outcomes
 * of its own rank. A status the order does not know is treated as the earliest, so it replaces
 * nothing Twilio already said; the same status again is not listed (a repeat is harmless).
 */
export function statusesNotOverwrittenBy(order: StatusOrder, status: string): string[] {
  const rank = order[status] ?? -1;
  return Object.keys(order).filter((known) => known !== status && order[known] >= rank);
}
