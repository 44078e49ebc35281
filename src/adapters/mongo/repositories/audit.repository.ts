import type { Model } from 'mongoose';
import type { AuditEventDoc } from '../models/audit-event.model';

export type AuditEntry = Omit<AuditEventDoc, 'at' | 'data'> & { data: Record<string, unknown> };

/** The append-only audit log: each entry is written once under its key, and never changed. */
export function createAuditRepository(auditEvents: Model<AuditEventDoc>) {
  return {
    async record(entry: AuditEntry): Promise<void> {
      await auditEvents.updateOne({ eventKey: entry.eventKey }, { $setOnInsert: { ...entry, at: new Date() } }, { upsert: true });
    },
  };
}
