import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createTimeSkippingEnv } from '../support/time-skipping';
import type { longSleepWorkflow } from '../fixtures/workflows/long-sleep.workflow';

describe('time skipping on the Java test server', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it('when a workflow sleeps 3 days, then it completes with 3 days on its clock in under 10 seconds of wall time', async () => {
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'time-skipping-smoke',
      workflowsPath: path.resolve(__dirname, '../fixtures/workflows/long-sleep.workflow.ts'),
    });
    const wallStart = performance.now();
    const slept = await worker.runUntil(
      env.client.workflow.execute<typeof longSleepWorkflow>('longSleepWorkflow', {
        workflowId: 'long-sleep-3-days',
        taskQueue: 'time-skipping-smoke',
        args: [3],
      }),
    );
    const wallMs = performance.now() - wallStart;
    expect(slept).toBeGreaterThanOrEqual(3 * 24 * 60 * 60 * 1000);
    expect(wallMs).toBeLessThan(10_000);
  });
});
