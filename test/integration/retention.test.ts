import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCollectionsStack, type CollectionsStack } from '../support/collections-stack';
import { deleteExpiredRecords } from '../../src/use-cases/retention';
import { chainedEntry } from '../../src/audit/audit-chain';
import { loadConfig, type RetentionPolicy } from '../../src/config/config';

// The retention job's deletes, run directly on backdated records in the real database (FerretDB
// has no TTL indexes, so this is what expires records).

const dayMs = 24 * 3600 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * dayMs);

describe('records past their retention', () => {
  let stack: CollectionsStack;
  const models = () => stack.service.mongo.models;

  beforeAll(async () => {
    stack = await startCollectionsStack('retention', { worker: false });
  });
  afterAll(async () => stack?.stop());

  /** A debtor's record, and a contact attempt, a call turn, a speech clip, an audit event and a resolved task dated `age` days ago. */
  async function account(ref: string, status: string, closedDaysAgo: number, ages: number[]): Promise<string> {
    const workflowId = `debtor/retention/${ref}`;
    const now = daysAgo(closedDaysAgo);
    await models().debtors.create({
      workflowId, campaignId: 'retention', accountRef: ref, fullName: 'A B', firstName: 'A', phone: '+12125550100', timeZone: 'UTC', language: 'en',
      currency: 'USD', amountDueMinor: 100, dueDate: '2026-01-01', importedAt: now, status, balanceMinor: 100, updatedAt: now,
    });
    let previous: { chainSeq: number; hash: string } | undefined;
    for (const age of ages) {
      const at = daysAgo(age);
      const key = `${workflowId}/${age}`;
      await models().contactAttempts.create({
        attemptKey: key, workflowId, campaignId: 'retention', campaignVersion: 1, stepId: 's', channel: 'sms', to: '+12125550100', purpose: 'p', state: 'sent', createdAt: at, updatedAt: at,
      });
      await models().callTurns.create({ callWorkflowId: `${workflowId}/call/${age}`, seq: 1, state: 's', heard: 'h', said: 's', intent: 'i', sentiment: 0, confidence: 1, nextState: 'n', engine: 'rules', at });
      await models().speechClips.create({ clipId: key, key: `${workflowId}/call/${age}/clip/1`, language: 'en', engine: 'local', contentType: 'audio/wav', audio: Buffer.from('x'), bytes: 1, createdAt: at });
      // Oldest first, as the log chains them.
      previous = await models().auditEvents.create(chainedEntry({ eventKey: key, workflowId, campaignId: 'retention', campaignVersion: 1, type: 't', data: {} }, at, previous));
      await models().humanTasks.create({ taskId: key, workflowId, campaignId: 'retention', reason: 'r', summary: 's', status: 'resolved', openedAt: at, resolvedAt: at });
    }
    // An open task is never deleted, however old.
    await models().humanTasks.create({ taskId: `${workflowId}/open`, workflowId, campaignId: 'retention', reason: 'r', summary: 's', status: 'open', openedAt: daysAgo(400) });
    return workflowId;
  }

  /** How many records of each kind the account still has. */
  async function left(workflowId: string) {
    const calls = new RegExp(`^${workflowId}/call/`);
    return {
      contactAttempts: await models().contactAttempts.countDocuments({ workflowId }),
      callTurns: await models().callTurns.countDocuments({ callWorkflowId: calls }),
      speechClips: await models().speechClips.countDocuments({ key: calls }),
      auditEvents: await models().auditEvents.countDocuments({ workflowId }),
      humanTasks: await models().humanTasks.countDocuments({ workflowId }),
    };
  }

  const policy = (days: number): RetentionPolicy => ({
    days: { contactAttempts: days, calls: days, callTurns: days, auditEvents: days, humanTasks: days, speechClips: days, surveyAnswers: days },
    runEveryMs: 60_000,
  });

  it('when records are older than their retention, then they are deleted, a shorter retention deletes more, and a debt still open or closed within it keeps its compliance records', async () => {
    const closedLongAgo = await account('CLOSED-LONG-AGO', 'paid', 50, [40, 20]);
    const open = await account('OPEN', 'contacting', 0, [40, 20]);
    const closedRecently = await account('CLOSED-RECENTLY', 'exhausted', 5, [40, 20]);
    await models().surveyAnswers.create({
      answerKey: 'r/1', workflowId: 'respondent/s/R-1', surveyId: 's', surveyVersion: 1, questionId: 'q', part: 'answer', outcome: 'answered', value: 9, utterance: 'nine',
      confidence: 1, confirmed: true, early: false, channel: 'sms', language: 'en', reasks: 0, answeredAt: daysAgo(40),
    });

    const first = await deleteExpiredRecords(stack.service.mongo.repositories, policy(30));
    expect(first).toEqual({ contactAttempts: 1, calls: 0, callTurns: 1, auditEvents: 1, humanTasks: 1, speechClips: 3, surveyAnswers: 1 });
    expect(await left(closedLongAgo)).toEqual({ contactAttempts: 1, callTurns: 1, speechClips: 1, auditEvents: 1, humanTasks: 2 });
    // Regulation F counts from the last activity on the debt: its records stay, but its speech clips (no compliance record) go.
    expect(await left(open)).toEqual({ contactAttempts: 2, callTurns: 2, speechClips: 1, auditEvents: 2, humanTasks: 3 });
    expect(await left(closedRecently)).toEqual({ contactAttempts: 2, callTurns: 2, speechClips: 1, auditEvents: 2, humanTasks: 3 });
    expect(await models().surveyAnswers.countDocuments({ workflowId: 'respondent/s/R-1' })).toBe(0);

    // The retention is read at each run: shortened, it takes effect at the next one.
    await deleteExpiredRecords(stack.service.mongo.repositories, policy(10));
    expect(await left(closedLongAgo)).toEqual({ contactAttempts: 0, callTurns: 0, speechClips: 0, auditEvents: 0, humanTasks: 1 });
    expect(await left(open)).toMatchObject({ contactAttempts: 2, auditEvents: 2, speechClips: 0 });
    expect(await left(closedRecently)).toMatchObject({ contactAttempts: 2, auditEvents: 2, speechClips: 0 });
    expect(await deleteExpiredRecords(stack.service.mongo.repositories, policy(10))).toEqual({ contactAttempts: 0, calls: 0, callTurns: 0, auditEvents: 0, humanTasks: 0, speechClips: 0, surveyAnswers: 0 });
  });

  it('when nothing is configured, then compliance records are kept three years and speech clips 30 days; a retention below a day is refused naming the key', () => {
    expect(loadConfig({}).retention.days).toMatchObject({ contactAttempts: 1095, callTurns: 1095, auditEvents: 1095, speechClips: 30 });
    expect(() => loadConfig({ RETENTION_CALL_TURNS_DAYS: '0' })).toThrow(/RETENTION_CALL_TURNS_DAYS: must be at least 1 day/);
  });
});
