import { defineSignal } from '@temporalio/workflow';
import type { SmsDeliveryStatus } from './outreach-state';

// Events every outreach workflow (debtor or survey respondent) hears under the same names, so
// the webhooks and the campaign broadcast reach a person without knowing which kind they are.

export interface InboundSms {
  messageSid: string;
  kind: 'opt-out' | 'help' | 'pay' | 'free-text';
  body: string;
}
export const inboundSmsSignal = defineSignal<[InboundSms]>('inboundSms');

export const smsDeliveryStatusSignal = defineSignal<[SmsDeliveryStatus]>('smsDeliveryStatus');

export const campaignUpdatedSignal = defineSignal<[{ version: number }]>('campaignUpdated');
