import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { createTimeSkippingEnv } from '../support/time-skipping';
import { debtorProfile, loadTestCampaign } from '../support/debtor-fixtures';
import type { Activities } from '../../activities';
import type { debtorWorkflow } from '../fixtures/workflows/long-campaign.workflows';

// Temporal's limits on one run (51,200 events, 2 MB payloads, warnings far below) hold for a long
// campaign: 90 days with 20 calls, each of 20 turns, stay within 5,000 events per run of the
// debtor workflow and 64 KB per payload. The calls are stand-ins (test/fixtures/workflows); the
// activities answer at once, so only the workflow's own history is measured.

const taskQueue = 'debtor-long-campaign';
const dayMs = 24 * 3_600_000;
const calls = 20;

describe('a 90-day campaign', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  const campaign = loadTestCampaign('cadence-test.yaml', (doc) => {
    doc.id = 'ninety-days';
    doc.cadence.steps = [
      { id: 'first-text', channel: 'sms', delay: { after: 'start', duration: 'PT0S' }, template: 'first-notice' },
      ...Array.from({ length: calls }, (_, i) => ({
        id: `call-${i + 1}`,
        channel: 'voice',
        delay: { after: 'previous', duration: 'PT100H' },
        script: 'call-script',
        retry: { maxRetries: 0 },
      })),
      { id: 'last-text', channel: 'sms', delay: { after: 'previous', duration: 'P2D' }, template: 'reminder' },
    ];
    doc.cadence.limits = { maxAttemptsPerChannel: { sms: 5, voice: calls }, maxAttemptsTotal: calls + 5 };
  });
  const activities: Partial<Activities> = {
    loadCampaignVersion: async () => campaign,
    contactPermissions: async () => ({ smsOptedOut: false, voiceOptedOut: false, campaignPaused: false }),
    recordAudit: async () => undefined,
    saveDebtorSnapshot: async () => undefined,
    sendSms: async (input) => ({ sid: `SM${input.attemptKey.length}` }),
  };

  it(`when ${calls} calls of 20 turns are made over 90 days, then every run stays within 5,000 events and every payload within 64 KB`, async () => {
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: path.resolve(__dirname, '../fixtures/workflows/long-campaign.workflows.ts'),
      activities,
    });
    const workflowId = 'debtor/ninety-days/long-1';
    const started = await env.currentTimeMs();

    const view = await worker.runUntil(
      env.client.workflow.execute<typeof debtorWorkflow>('debtorWorkflow', {
        workflowId,
        taskQueue,
        args: [{ campaignId: campaign.id, campaignVersion: 1, debtor: debtorProfile('long-1', '+12025550190'), queues: { sms: taskQueue, voice: taskQueue } }],
      }),
    );

    expect(view.status).toBe('exhausted');
    expect(view.attempts.filter((a) => a.channel === 'voice' && a.outcome === 'answered')).toHaveLength(calls);
    expect(view.attempts.at(-1)!.at - started).toBeGreaterThanOrEqual(83 * dayMs);
    const runs = await allRuns(env, workflowId);
    for (const events of runs) {
      expect(events.length).toBeLessThanOrEqual(5_000);
      expect(largestPayload(events)).toBeLessThan(64 * 1024);
    }
  });
});

interface HistoryEvent {
  eventType: string;
  workflowExecutionStartedEventAttributes?: { continuedExecutionRunId?: string };
}

/** The histories of every run of the workflow (as JSON), following continue-as-new back to the first. */
async function allRuns(env: TestWorkflowEnvironment, workflowId: string): Promise<HistoryEvent[][]> {
  const runs: HistoryEvent[][] = [];
  let runId: string | undefined;
  for (;;) {
    const history = await env.client.workflow.getHandle(workflowId, runId).fetchHistory();
    const events: HistoryEvent[] = JSON.parse(historyToJSON(history)).events;
    runs.push(events);
    runId = events[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || undefined;
    if (!runId) return runs;
  }
}

/** The size in bytes of the largest payload anywhere in the events (inputs, results, markers, signals). */
function largestPayload(events: HistoryEvent[]): number {
  let largest = 0;
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (typeof record.data === 'string' && typeof record.metadata === 'object') {
      largest = Math.max(largest, Buffer.from(record.data, 'base64').length);
      return;
    }
    Object.values(record).forEach(visit);
  };
  events.forEach(visit);
  return largest;
}
