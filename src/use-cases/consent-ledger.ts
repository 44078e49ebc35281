import { randomUUID } from 'node:crypto';
import { AppError } from '../errors/app-error';
import type { UseCaseDeps } from './use-case-deps';
import { operatorSource, unevidencedLift, type ConsentEvent, type ContactPermissions } from '../policy/consent-ledger';

export interface OperatorConsentEntry {
  phone: string;
  kind: ConsentEvent['kind'];
  channel: ConsentEvent['channel'];
  /** Who recorded it and why ('agent:jlee', 'letter of 2026-11-20'). */
  source: string;
  /** Where the consumer's own consent is kept (a signed form's id, a call recording's SID). */
  evidenceRef?: string;
  /** The client's id for this entry: repeating a request with it records nothing new. */
  entryId?: string;
  /** Who made the request (src/auth), kept in the ledger beside the source. */
  actor: string;
}

/**
 * An operator's entry in a phone number's consent ledger (a written revocation, consent given on a
 * recorded line). Every debtor workflow reads the ledger before each contact, so the entry holds
 * from the next contact of every campaign on. Consent the consumer withdrew comes back only with
 * evidence that the consumer gave it again: an operator's word is not enough (409).
 */
export async function recordOperatorConsent(deps: UseCaseDeps, entry: OperatorConsentEntry): Promise<{ recorded: boolean; permissions: ContactPermissions }> {
  const { consent } = deps.mongo.repositories;
  const withdrawn = unevidencedLift(entry, (await consent.ledger(entry.phone)).permissions);
  if (withdrawn) {
    const message =
      `${withdrawn}, and an operator cannot give that back: only the consumer can. ` +
      "Record the consumer's own consent with evidenceRef naming where it is kept (a signed form, a recorded call, their START text's SID)";
    throw new AppError('consent_evidence_required', message, 409, [{ path: 'evidenceRef', message: `is required: ${withdrawn}` }]);
  }
  const eventKey = `operator:${entry.entryId ?? randomUUID()}`;
  const recorded = await consent.record({
    eventKey,
    phone: entry.phone,
    kind: entry.kind,
    channel: entry.channel,
    source: `${operatorSource}${entry.actor}: ${entry.source}`,
    ...(entry.evidenceRef ? { evidenceRef: entry.evidenceRef } : {}),
  });
  return { recorded, permissions: (await consentLedger(deps, entry.phone)).permissions };
}

export async function consentLedger(deps: UseCaseDeps, phone: string) {
  const { events, permissions } = await deps.mongo.repositories.consent.ledger(phone);
  return { phone, permissions, events };
}
