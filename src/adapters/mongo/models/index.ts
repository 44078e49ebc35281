import type { Connection } from 'mongoose';
import { selfCheckModel } from './self-check.model';
import { campaignStateModel, campaignVersionModel } from './campaign.model';
import { debtorModel } from './debtor.model';
import { contactAttemptModel } from './contact-attempt.model';
import { consentEventModel } from './consent-event.model';
import { auditEventModel } from './audit-event.model';
import { paymentModel } from './payment.model';
import { paymentCheckoutModel, paymentLinkModel } from './payment-link.model';
import { humanTaskModel } from './human-task.model';
import { humanTaskClaimModel } from './human-task-claim.model';
import { callModel, callTurnModel } from './call.model';
import { speechClipModel } from './speech-clip.model';
import { respondentModel } from './respondent.model';
import { surveyAnswerModel } from './survey-answer.model';
import { apiKeyModel } from './api-key.model';
import { erasureModel } from './erasure.model';
import { kpiAccountModel, kpiRollupLockModel, kpiRollupModel } from './kpi-rollup.model';

export function registerModels(connection: Connection) {
  return {
    selfChecks: selfCheckModel(connection),
    campaignVersions: campaignVersionModel(connection),
    campaigns: campaignStateModel(connection),
    debtors: debtorModel(connection),
    contactAttempts: contactAttemptModel(connection),
    consentEvents: consentEventModel(connection),
    auditEvents: auditEventModel(connection),
    payments: paymentModel(connection),
    paymentLinks: paymentLinkModel(connection),
    paymentCheckouts: paymentCheckoutModel(connection),
    humanTasks: humanTaskModel(connection),
    calls: callModel(connection),
    callTurns: callTurnModel(connection),
    speechClips: speechClipModel(connection),
    respondents: respondentModel(connection),
    surveyAnswers: surveyAnswerModel(connection),
    apiKeys: apiKeyModel(connection),
    erasures: erasureModel(connection),
    humanTaskClaims: humanTaskClaimModel(connection),
    kpiRollups: kpiRollupModel(connection),
    kpiAccounts: kpiAccountModel(connection),
    kpiRollupLocks: kpiRollupLockModel(connection),
  };
}

export type Models = ReturnType<typeof registerModels>;
