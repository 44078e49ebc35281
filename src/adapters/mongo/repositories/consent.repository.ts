import type { Model } from 'mongoose';
import type { ConsentEventDoc } from '../models/consent-event.model';
import { foldConsentEvents, type ContactPermissions } from '../../../policy/consent-ledger';

export type ConsentEventRecord = ConsentEventDoc;

/**
 * The consent and opt-out ledger of each phone number: its one reader and its one writer. Every
 * decision to contact someone reads it through `ledger`, so all of them fold the same events the
 * same way.
 */
export function createConsentRepository(consentEvents: Model<ConsentEventDoc>) {
  return {
    /** The number's events in time order, and what they allow. */
    async ledger(phone: string): Promise<{ events: ConsentEventRecord[]; permissions: ContactPermissions }> {
      const events = await consentEvents.find({ phone }).sort({ at: 1 }).select({ _id: 0 }).lean();
      return { events, permissions: foldConsentEvents(events) };
    },

    /** Appends an event once per key: true when this call wrote it, false when the key was already there. */
    async record(event: Omit<ConsentEventDoc, 'at'>): Promise<boolean> {
      const result = await consentEvents.updateOne({ eventKey: event.eventKey }, { $setOnInsert: { ...event, at: new Date() } }, { upsert: true });
      return result.upsertedCount === 1;
    },
  };
}
