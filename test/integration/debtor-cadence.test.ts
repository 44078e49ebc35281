import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createTimeSkippingEnv } from '../support/time-skipping';
import { eventually, startCollectionsStack, type CollectionsStack } from '../support/collections-stack';
import { advanceUntil, debtorProfile, loadTestCampaign, startDebtor, storeCampaignVersion } from '../support/debtor-fixtures';

// A debtor's whole journey with real durations (days) on the time-skipping server, through the
// real worker, FerretDB, the Twilio simulator and the service's own webhooks.

describe('the debtor workflow', () => {
  let env: TestWorkflowEnvironment;
  let stack: CollectionsStack;
  const campaign = loadTestCampaign();

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    stack = await startCollectionsStack('debtor-cadence', { temporalAddress: env.address });
    await storeCampaignVersion(stack.service.mongo.models, campaign, 1);
  });
  afterAll(async () => {
    await stack?.stop();
    await env?.teardown();
  });

  it('when a cooperative payer gets the first text, then they pay through its link and the account closes as paid', async () => {
    const phone = '+12025550101';
    stack.simulator.people.assign(phone, 'cooperative-payer');
    const { models } = stack.service.mongo;
    const workflowId = await startDebtor(models, stack.service.gateway, campaign.id, 1, debtorProfile('payer-1', phone));

    const view = await advanceUntil(env, stack, workflowId, (v) => v.status === 'paid', { what: 'payment' });

    expect(view.balanceMinor).toBe(0);
    expect(view.attempts.map((a) => `${a.channel}:${a.stepId}`)).toEqual(['sms:first-text']);
    const texts = stack.simulator.store.listMessages({ to: phone });
    expect(texts).toHaveLength(1);
    expect(texts[0].body).toMatch(/attempt to collect a debt/);
    expect(texts[0].body).toMatch(/\/pay\/[\w-]+\.[\w-]+/);
    const payments = await models.payments.find({ workflowId }).lean();
    expect(payments.map((p) => p.amountMinor)).toEqual([12_500]);
    const stored = await eventually('the status mirror', async () => {
      const doc = await models.debtors.findOne({ workflowId }).lean();
      return doc?.status === 'paid' ? doc : undefined;
    });
    expect(stored.balanceMinor).toBe(0);
  });
});
