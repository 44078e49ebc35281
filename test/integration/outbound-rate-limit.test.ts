import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startCollectionsStack, type CollectionsStack } from '../support/collections-stack';
import { debtorProfile, loadTestCampaign, startDebtor, storeCampaignVersion } from '../support/debtor-fixtures';

// Twilio allows a new account one new call per second and answers 429 (code 20429) beyond that.
// The service holds the rate on its voice task queue, which the Temporal server enforces across
// every worker polling it, so a burst of debtors due at the same moment never trips the limit.

describe('outbound call rate', () => {
  let stack: CollectionsStack;
  const campaign = loadTestCampaign('fast-cadence.yaml', (doc) => {
    doc.id = 'call-burst';
    doc.cadence.steps = [{ id: 'only-call', channel: 'voice', delay: { after: 'start', duration: 'PT0S' }, script: 'call-script', retry: { maxRetries: 0 } }];
  });

  beforeAll(async () => {
    stack = await startCollectionsStack('outbound-rate-limit', { simulatorCallsPerSecond: 1, env: { TWILIO_CALLS_PER_SECOND: '1' } });
    await storeCampaignVersion(stack.service.mongo.models, campaign, 1);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('when five debtors are due for a call at once on an account limited to one call per second, then all five are called and Twilio never refuses one', async () => {
    // UK numbers, as the campaign is under UK law: +1 numbers would be held to US calling hours.
    const phones = ['+447911123481', '+447911123482', '+447911123483', '+447911123484', '+447911123485'];
    for (const phone of phones) stack.simulator.people.assign(phone, 'never-answers');
    await Promise.all(
      phones.map((phone, i) => startDebtor(stack.service.mongo.models, stack.service.gateway, campaign.id, 1, debtorProfile(`burst-${i}`, phone))),
    );

    const calls = await eventually(
      'five calls',
      async () => {
        const placed = phones.flatMap((phone) => stack.simulator.store.listCalls({ to: phone }));
        return placed.length === 5 ? placed : undefined;
      },
      60_000,
    );

    const refusals = stack.simulator.store.logs().filter((entry) => entry.code === 20429);
    expect(refusals).toEqual([]);
    const starts = calls.map((c) => c.dateCreated.getTime()).sort((a, b) => a - b);
    // Five calls at one per second need at least four seconds (a little slack for clock granularity).
    expect(starts[4] - starts[0]).toBeGreaterThanOrEqual(3_500);
  });
});
