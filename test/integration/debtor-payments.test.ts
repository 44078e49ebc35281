import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCollectionsStack, type CollectionsStack } from '../support/collections-stack';
import { apiKeyFor, bearer, call, csv, demoCampaignYaml, yaml } from '../support/api-calls';

// The payments recorded against one account, as the console's debtor page lists them: newest
// first, in whole minor units with their currency, and who recorded each one taken by hand.

describe("a debtor's payments", () => {
  let stack: CollectionsStack;
  let url: string;
  let auditor: string;
  let agent: string;
  const campaignId = `payments-${randomUUID().slice(0, 8)}`;
  const account = `/campaigns/${campaignId}/debtors/P-001`;

  beforeAll(async () => {
    stack = await startCollectionsStack('debtor-payments');
    url = stack.service.httpUrl!;
    agent = await apiKeyFor(stack.service, 'agent', 'payments-agent');
    auditor = await apiKeyFor(stack.service, 'auditor', 'payments-auditor');
    expect((await call(url, 'PUT', '/campaigns', yaml(demoCampaignYaml(campaignId)))).status).toBe(201);
    const header = 'accountRef,fullName,phone,amountDue,dueDate';
    const imported = await call(url, 'POST', `/campaigns/${campaignId}/debtors/import`, csv(`${header}\nP-001,Ann Hale,+12025550161,100.00,2026-03-01\nP-002,Bea Cole,+12025550162,40.00,2026-03-01\n`));
    expect(imported.status).toBe(200);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('when an account has no payments, then the list is empty', async () => {
    expect(await call(url, 'GET', `${account}/payments`)).toEqual({ status: 200, body: { payments: [] } });
  });

  it('when an agent records three payments, then they are listed newest first in minor units with their currency, and another account lists none of them', async () => {
    for (const amount of ['10.00', '20.50', '5.25']) {
      expect((await call(url, 'POST', `${account}/payments`, { amount, paymentId: `pay-${amount}-${randomUUID()}` }, bearer(agent))).status).toBe(202);
    }
    const listed = await call(url, 'GET', `${account}/payments`);
    expect(listed.status).toBe(200);
    expect(listed.body.payments.map((p: { amountMinor: number; currency: string; provider: string; recordedBy: string }) => [p.amountMinor, p.currency, p.provider, p.recordedBy])).toEqual([
      [525, 'USD', 'manual', 'key:payments-agent'],
      [2050, 'USD', 'manual', 'key:payments-agent'],
      [1000, 'USD', 'manual', 'key:payments-agent'],
    ]);
    const times = listed.body.payments.map((p: { receivedAt: string }) => Date.parse(p.receivedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect((await call(url, 'GET', `/campaigns/${campaignId}/debtors/P-002/payments`)).body).toEqual({ payments: [] });

    const newestTwo = await call(url, 'GET', `${account}/payments?limit=2`);
    expect(newestTwo.body.payments.map((p: { amountMinor: number }) => p.amountMinor)).toEqual([525, 2050]);
    // Any role reads them, an auditor too.
    expect((await call(url, 'GET', `${account}/payments`, undefined, bearer(auditor))).body.payments).toHaveLength(3);
  });

  it('when the account or the limit is wrong, then it answers 404 or 400 naming the field', async () => {
    const missing = await call(url, 'GET', `/campaigns/${campaignId}/debtors/NOPE/payments`);
    expect(missing.status).toBe(404);
    const bad = await call(url, 'GET', `${account}/payments?limit=0`);
    expect(bad).toMatchObject({ status: 400, body: { details: [expect.objectContaining({ path: 'limit' })] } });
  });

  it('when the OpenAPI document is read, then it describes listing the payments beside recording one', async () => {
    const document = await call(url, 'GET', '/openapi.json');
    const item = document.body.paths['/campaigns/{campaignId}/debtors/{accountRef}/payments'];
    expect(Object.keys(item).sort()).toEqual(['get', 'post']);
    expect(item.get).toMatchObject({ 'x-parley-role': 'any', parameters: expect.arrayContaining([expect.objectContaining({ name: 'limit', in: 'query' })]) });
  });
});
