import type { Models } from '../models';
import { createAuditRepository } from './audit.repository';
import { createCallRepository } from './call.repository';
import { createCampaignRepository } from './campaign.repository';
import { createConsentRepository } from './consent.repository';
import { createContactAttemptRepository } from './contact-attempt.repository';
import { createDebtorRepository } from './debtor.repository';
import { createHumanTaskRepository } from './human-task.repository';
import { createPaymentRepository } from './payment.repository';
import { createSelfCheckRepository } from './self-check.repository';
import { createSpeechClipRepository } from './speech-clip.repository';

/** The only code that queries the database; every other module asks one of these. */
export function createRepositories(models: Models) {
  return {
    audit: createAuditRepository(models.auditEvents),
    calls: createCallRepository(models),
    campaigns: createCampaignRepository(models),
    consent: createConsentRepository(models.consentEvents),
    contactAttempts: createContactAttemptRepository(models.contactAttempts),
    debtors: createDebtorRepository(models.debtors),
    humanTasks: createHumanTaskRepository(models.humanTasks),
    payments: createPaymentRepository(models.payments),
    selfChecks: createSelfCheckRepository(models.selfChecks),
    speechClips: createSpeechClipRepository(models.speechClips),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;

export type { AuditEntry } from './audit.repository';
export type { CallRecordUpdate, CallTurnEntry } from './call.repository';
export type { CampaignStateRecord, CampaignVersionRecord } from './campaign.repository';
export type { ConsentEventRecord } from './consent.repository';
export type { AttemptSettlement, ContactAttemptRecord, ContactIntent } from './contact-attempt.repository';
export type { DebtorRecord, DebtorStatusMirror, NewDebtor } from './debtor.repository';
export type { NewHumanTask } from './human-task.repository';
export type { PaymentRecord } from './payment.repository';
export type { NewSpeechClip } from './speech-clip.repository';
export type { SelfCheckRecord } from './self-check.repository';
