import type { Models } from '../models';
import { createAuditRepository } from './audit.repository';
import { createCallRepository } from './call.repository';
import { createCampaignRepository } from './campaign.repository';
import { createConsentRepository } from './consent.repository';
import { createContactAttemptRepository } from './contact-attempt.repository';
import { createDebtorRepository } from './debtor.repository';
import { createHumanTaskRepository } from './human-task.repository';
import { createHumanTaskClaimRepository } from './human-task-claim.repository';
import { createPaymentRepository } from './payment.repository';
import { createPaymentLinkRepository } from './payment-link.repository';
import { createSelfCheckRepository } from './self-check.repository';
import { createSpeechClipRepository } from './speech-clip.repository';
import { createRespondentRepository } from './respondent.repository';
import { createSurveyAnswerRepository } from './survey-answer.repository';
import { createApiKeyRepository } from './api-key.repository';
import { createErasureRepository } from './erasure.repository';
import { createRetentionRepository } from './retention.repository';
import { createPersonRecordsRepository } from './person-records.repository';
import { createOutreachListRepository } from './outreach-list.repository';
import { createKpiRollupRepository } from './kpi-rollup.repository';

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
    paymentLinks: createPaymentLinkRepository(models),
    selfChecks: createSelfCheckRepository(models.selfChecks),
    speechClips: createSpeechClipRepository(models.speechClips),
    respondents: createRespondentRepository(models.respondents),
    surveyAnswers: createSurveyAnswerRepository(models.surveyAnswers),
    apiKeys: createApiKeyRepository(models.apiKeys),
    erasure: createErasureRepository(models),
    retention: createRetentionRepository(models),
    personRecords: createPersonRecordsRepository(models),
    outreachLists: createOutreachListRepository(models),
    humanTaskClaims: createHumanTaskClaimRepository(models.humanTaskClaims),
    kpiRollups: createKpiRollupRepository(models),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;

export type { AttemptSettlement } from './contact-attempt.repository';
export type { CallRecordUpdate } from './call.repository';
export type { DebtorRecord } from './debtor.repository';
export type { RollupCounts, RollupKey } from './kpi-rollup.repository';
export type { ErasureRecord } from './erasure.repository';
export type { NewHumanTask } from './human-task.repository';
export type { AgentAction, HumanTaskRecord, QueuePosition } from './human-task.repository';
export type { TaskHolder } from './human-task-claim.repository';
export type { NewRespondent, RespondentRecordDoc, RespondentStatusMirror } from './respondent.repository';
export type { NewSurveyAnswer, StoredSurveyAnswer } from './survey-answer.repository';
