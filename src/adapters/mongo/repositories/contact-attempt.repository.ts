import mongoose, { type Model } from 'mongoose';
import type { ContactAttemptDoc } from '../models/contact-attempt.model';
import { callStatusOrder, smsStatusOrder, statusesNotOverwrittenBy, type StatusOrder } from '../../../policy/status-order';

export type ContactAttemptRecord = ContactAttemptDoc;

/** What is about to be sent, recorded under its attempt key before the provider is called. */
export type ContactIntent = Pick<ContactAttemptDoc, 'attemptKey' | 'workflowId' | 'campaignId' | 'campaignVersion' | 'stepId' | 'channel' | 'to' | 'purpose'>;

export interface AttemptSettlement {
  state: 'sent' | 'failed';
  providerSid?: string;
  providerStatus?: string;
  errorCode?: string;
}

/**
 * Matches a row whose stored status `status` may replace. In the filter of the update itself, so
 * that check and write are one operation: a read then a write would let two callbacks race.
 * trusted(): our own operator on known statuses; sanitizeFilter would quote it.
 */
const replaceableBy = (order: StatusOrder, status: string) => ({ providerStatus: mongoose.trusted({ $nin: statusesNotOverwrittenBy(order, status) }) });

/**
 * Outbound contacts (texts and calls), keyed by attempt. The intent is written before the
 * provider is called and the provider's SID after: a retried activity finds the row and never
 * sends twice (Twilio's REST API has no idempotency key of its own).
 */
export function createContactAttemptRepository(contactAttempts: Model<ContactAttemptDoc>) {
  return {
    /**
     * The attempt's record, written now as an intent if it is new. `fresh` is false when an
     * earlier try wrote it: that try may have reached the provider before it died.
     */
    async claim(intent: ContactIntent): Promise<{ attempt: ContactAttemptRecord; fresh: boolean }> {
      const now = new Date();
      const result = await contactAttempts.findOneAndUpdate(
        { attemptKey: intent.attemptKey },
        { $setOnInsert: { ...intent, state: 'intent', createdAt: now, updatedAt: now } },
        { upsert: true, returnDocument: 'after', lean: true, includeResultMetadata: true },
      );
      return { attempt: result.value!, fresh: !result.lastErrorObject?.updatedExisting };
    },

    /** What the provider answered (its SID), or why the attempt was refused. */
    async settle(attemptKey: string, settlement: AttemptSettlement): Promise<void> {
      await contactAttempts.updateOne({ attemptKey }, { $set: { ...settlement, updatedAt: new Date() } });
    },

    /** A text's delivery report, for the attempt that sent that message, unless a later status is already stored. */
    async recordSmsStatus(report: { attemptKey: string; messageSid: string; status: string; errorCode?: string }): Promise<void> {
      await contactAttempts.updateOne(
        { attemptKey: report.attemptKey, providerSid: report.messageSid, ...replaceableBy(smsStatusOrder, report.status) },
        { $set: { providerStatus: report.status, errorCode: report.errorCode ?? null, updatedAt: new Date() } },
      );
    },

    /** A call's progress as Twilio's status callback reports it, unless a later status is already stored. */
    async recordCallStatus(report: { callSid: string; status: string }): Promise<void> {
      await contactAttempts.updateOne(
        { providerSid: report.callSid, ...replaceableBy(callStatusOrder, report.status) },
        { $set: { providerStatus: report.status, updatedAt: new Date() } },
      );
    },
  };
}
