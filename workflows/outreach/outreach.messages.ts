import { defineSignal } from '@temporalio/workflow';
import type { SmsDeliveryStatus } from './outreach-state';

// Events every outreach workflow (debtor or survey respondent) hears under the same names, so
// the webhooks and the campaign broadcast reach a person without knowing which kind they are.

/** Who did an operator's or agent's action: an API key's name or a token's subject (src/auth); absent in histories from before keys. */
// A type, not an interface: the update validators read their arguments as plain records.
export type Acting = { actor?: string };

/** The actor as audit data: nothing when unknown. */
export const actedBy = (actor?: string): { actor?: string } => (actor ? { actor } : {});

export interface InboundSms {
  messageSid: string;
  kind: 'opt-out' | 'opt-in' | 'help' | 'pay' | 'free-text';
  body: string;
}
export const inboundSmsSignal = defineSignal<[InboundSms]>('inboundSms');

export const smsDeliveryStatusSignal = defineSignal<[SmsDeliveryStatus]>('smsDeliveryStatus');

export const campaignUpdatedSignal = defineSignal<[{ version: number }]>('campaignUpdated');
