import mongoose, { type Model } from 'mongoose';
import type { RespondentDoc } from '../models/respondent.model';
import { storeOnceUnder } from '../duplicate-key';

export type RespondentRecordDoc = RespondentDoc;

/** What an import stores for a new respondent: the profile, and the workflow that will run it. */
export type NewRespondent = Pick<
  RespondentDoc,
  'workflowId' | 'surveyId' | 'respondentRef' | 'phone' | 'timeZone' | 'language' | 'artificialVoiceConsent' | 'surveyVersion'
> & { firstName?: string; hidden: Record<string, string> };

/** The mirror a respondent workflow keeps of itself; times are epoch ms. */
export interface RespondentStatusMirror {
  workflowId: string;
  status: string;
  invitedAt?: number;
  consentedAt?: number;
  completedAt?: number;
  sessions: ReadonlyArray<{ channel: string; startedAt: number }>;
  nextContactAt?: number;
  nextContactReason?: string;
}

const date = (ms: number | undefined) => (ms === undefined ? null : new Date(ms));
// trusted(): our own operators on values the callers validated (sanitizeFilter would quote them).
const notIn = (statuses: readonly string[]) => mongoose.trusted({ $nin: [...statuses] });
const after = (respondentRef: string | undefined) => (respondentRef !== undefined ? { respondentRef: mongoose.trusted({ $gt: respondentRef }) } : {});

export function createRespondentRepository(respondents: Model<RespondentDoc>) {
  return {
    byWorkflowId: (workflowId: string) => respondents.findOne({ workflowId }).lean(),

    /** The respondent's document, written only if new: a repeated row keeps the first import's data. */
    async storeOnce(respondent: NewRespondent): Promise<RespondentRecordDoc> {
      const now = new Date();
      return storeOnceUnder(respondents, { surveyId: respondent.surveyId, respondentRef: respondent.respondentRef }, { ...respondent, importedAt: now, status: 'invited', sessions: [], updatedAt: now });
    },

    /** The respondents still in a survey on a phone number, across surveys. */
    runningOnPhone: (phone: string, terminal: readonly string[]) =>
      respondents.find({ phone, status: notIn(terminal) }).select({ workflowId: 1, surveyId: 1, language: 1 }).lean(),

    /** The next page of a survey's respondents whose mirrored status is not terminal, in reference order. */
    runningPage: (surveyId: string, terminal: readonly string[], query: { afterRespondentRef?: string; limit: number }) =>
      respondents
        .find({ surveyId, status: notIn(terminal), ...after(query.afterRespondentRef) })
        .sort({ respondentRef: 1 })
        .limit(query.limit)
        .select({ workflowId: 1, respondentRef: 1 })
        .lean(),

    /**
     * The respondent on this number whose survey ended most recently, since `since`, if nobody has
     * told them yet that it closed: claimed here, so two texts at once get one answer.
     */
    async claimClosedReply(phone: string, ended: readonly string[], since: Date) {
      const latest = await respondents
        .findOne({ phone, status: mongoose.trusted({ $in: [...ended] }), updatedAt: mongoose.trusted({ $gte: since }) })
        .sort({ updatedAt: -1 })
        .lean();
      if (!latest || latest.closedReplySentAt) return undefined;
      const claimed = await respondents.updateOne({ workflowId: latest.workflowId, closedReplySentAt: mongoose.trusted({ $exists: false }) }, { $set: { closedReplySentAt: new Date() } });
      return claimed.modifiedCount === 1 ? latest : undefined;
    },

    /** Up to `limit` of a survey's respondents in reference order after `afterRespondentRef`. */
    page: (surveyId: string, query: { afterRespondentRef?: string; limit: number }) =>
      respondents.find({ surveyId, ...after(query.afterRespondentRef) }).sort({ respondentRef: 1 }).limit(query.limit).lean(),

    /** Every respondent of a survey, for its results. */
    ofSurvey: (surveyId: string) => respondents.find({ surveyId }).sort({ respondentRef: 1 }).lean(),

    async saveStatus(mirror: RespondentStatusMirror): Promise<void> {
      await respondents.updateOne(
        { workflowId: mirror.workflowId },
        {
          $set: {
            status: mirror.status,
            invitedAt: date(mirror.invitedAt),
            consentedAt: date(mirror.consentedAt),
            completedAt: date(mirror.completedAt),
            sessions: mirror.sessions.map((s) => ({ channel: s.channel, startedAt: new Date(s.startedAt) })),
            nextContactAt: date(mirror.nextContactAt),
            nextContactReason: mirror.nextContactReason ?? null,
            updatedAt: new Date(),
          },
        },
      );
    },
  };
}
