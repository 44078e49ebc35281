import mongoose from 'mongoose';
import type { Models } from '../models';

// What is stored about one person's workflow, read for an auditor's timeline: the audit log and the
// survey answers a page at a time (they are what a timeline is paged by), and by key the records
// an audit entry names (its attempt, call and turns, payment, task, campaign version).
// trusted(): our own operators on values the use case built (dates, lists of keys); sanitizeFilter would quote them.

type PersonModels = Pick<Models, 'auditEvents' | 'contactAttempts' | 'calls' | 'callTurns' | 'payments' | 'humanTasks' | 'campaignVersions' | 'surveyAnswers'>;

const anyOf = (keys: readonly string[]) => mongoose.trusted({ $in: [...keys] });
const laterThan = (at: Date) => mongoose.trusted({ $gt: at });
const earlierThan = (at: Date) => mongoose.trusted({ $lt: at });

export function createPersonRecordsRepository(models: PersonModels) {
  const { auditEvents, contactAttempts, calls, callTurns, payments, humanTasks, campaignVersions, surveyAnswers } = models;
  return {
    /** The workflow's audit entries that happened after `after` (in the workflow's time), oldest first, at most `limit`. */
    auditAfter: (workflowId: string, after: Date, limit: number) =>
      auditEvents.find({ workflowId, occurredAt: laterThan(after) }).sort({ occurredAt: 1, _id: 1 }).limit(limit).lean(),

    /** The workflow's audit entries that happened before `before`, newest first, at most `limit` (a page read back). */
    auditBefore: (workflowId: string, before: Date, limit: number) =>
      auditEvents.find({ workflowId, occurredAt: earlierThan(before) }).sort({ occurredAt: -1, _id: -1 }).limit(limit).lean(),

    /** Every audit entry of the workflow that happened at exactly `at` (one workflow task's entries share a moment). */
    auditAt: (workflowId: string, at: Date) => auditEvents.find({ workflowId, occurredAt: at }).sort({ _id: 1 }).lean(),

    /** The workflow's audit entries of these types, oldest first, at most `limit` (pauses and resumes, which explain waits). */
    auditOfTypes: (workflowId: string, types: readonly string[], limit: number) =>
      auditEvents.find({ workflowId, type: anyOf(types) }).sort({ occurredAt: 1, _id: 1 }).limit(limit).lean(),

    /** A respondent's answers given after `after`, oldest first, at most `limit`. */
    answersAfter: (workflowId: string, after: Date, limit: number) =>
      surveyAnswers.find({ workflowId, answeredAt: laterThan(after) }).sort({ answeredAt: 1, _id: 1 }).limit(limit).lean(),

    /** A respondent's answers given before `before`, newest first, at most `limit`. */
    answersBefore: (workflowId: string, before: Date, limit: number) =>
      surveyAnswers.find({ workflowId, answeredAt: earlierThan(before) }).sort({ answeredAt: -1, _id: -1 }).limit(limit).lean(),

    answersAt: (workflowId: string, at: Date) => surveyAnswers.find({ workflowId, answeredAt: at }).sort({ _id: 1 }).lean(),

    /** The contact attempts (number dialled or texted, provider's id and status) under these attempt keys. */
    attempts: (attemptKeys: readonly string[]) => contactAttempts.find({ attemptKey: anyOf(attemptKeys) }).lean(),

    /** The calls placed under these attempt keys. */
    calls: (attemptKeys: readonly string[]) => calls.find({ attemptKey: anyOf(attemptKeys) }).lean(),

    /** The turns of these calls, in their order. */
    callTurns: (callWorkflowIds: readonly string[]) => callTurns.find({ callWorkflowId: anyOf(callWorkflowIds) }).sort({ callWorkflowId: 1, seq: 1 }).lean(),

    payments: (paymentIds: readonly string[]) => payments.find({ paymentId: anyOf(paymentIds) }).lean(),

    humanTasks: (taskIds: readonly string[]) => humanTasks.find({ taskId: anyOf(taskIds) }).lean(),

    /** Who applied each of these versions of the campaign (or survey), and when. */
    campaignVersions: (campaignId: string, versions: readonly number[]) =>
      campaignVersions
        .find({ campaignId, version: mongoose.trusted({ $in: [...versions] }) })
        .select({ version: 1, name: 1, createdAt: 1, appliedBy: 1 })
        .sort({ version: 1 })
        .lean(),
  };
}

export type PersonRecords = ReturnType<typeof createPersonRecordsRepository>;
