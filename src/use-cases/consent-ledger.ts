import { randomUUID } from 'node:crypto';
import type { UseCaseDeps } from './use-case-deps';
import type { ConsentEvent, ContactPermissions } from '../policy/consent-ledger';

export interface OperatorConsentEntry {
  phone: string;
  kind: ConsentEvent['kind'];
  channel: ConsentEvent['channel'];
  /** Who recorded it and why ('agent:jlee', 'letter of 2026-11-20'). */
  source: string;
  /** The client's id for this entry: repeating a request with it records nothing new. */
  entryId?: string;
  /** Who made the request (src/auth), kept in the ledger beside the source. */
  actor: string;
}

/**
 * An operator's entry in a phone number's consent ledger (a written revocation, consent given on a
 * recorded line). Every debtor workflow reads the ledger before each contact, so the entry holds
 * from the next contact of every campaign on.
 */
export async function recordOperatorConsent(deps: UseCaseDeps, entry: OperatorConsentEntry): Promise<{ recorded: boolean; permissions: ContactPermissions }> {
  const eventKey = `operator:${entry.entryId ?? randomUUID()}`;
  const recorded = await deps.mongo.repositories.consent.record({ eventKey, phone: entry.phone, kind: entry.kind, channel: entry.channel, source: `operator:${entry.actor}: ${entry.source}` });
  return { recorded, permissions: (await consentLedger(deps, entry.phone)).permissions };
}

export async function consentLedger(deps: UseCaseDeps, phone: string) {
  const { events, permissions } = await deps.mongo.repositories.consent.ledger(phone);
  return { phone, permissions, events };
}
