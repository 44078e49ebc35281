import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { startCollectionsStack, eventually, serviceNumber, type CollectionsStack } from '../support/collections-stack';
import { call, csv, demoCampaignYaml, yaml } from '../support/api-calls';
import { daytimeZone } from '../../src/dev/demo';

// Only the consumer lifts their own STOP: by texting START (or UNSTOP). An operator's opt-in
// without evidence lifts nothing (consent-api.test.ts).

describe('a consumer who texted STOP texts START', () => {
  let stack: CollectionsStack;
  beforeAll(async () => {
    stack = await startCollectionsStack('sms-opt-in');
  });
  afterAll(async () => stack?.stop());

  it('when a debtor texts STOP and later START, then the ledger and the account allow texts again, with one confirmation and an audit event', async () => {
    const url = stack.service.httpUrl!;
    const campaignId = `opt-in-${randomUUID().slice(0, 8)}`;
    const phone = '+12125550166';
    expect((await call(url, 'PUT', '/campaigns', yaml(demoCampaignYaml(campaignId)))).status).toBe(201);
    await call(url, 'POST', `/campaigns/${campaignId}/debtors/import`, csv(`accountRef,fullName,phone,timeZone,amountDue,dueDate\nO-1,Ola Nordmann,${phone},${daytimeZone(Date.now())},80.00,2026-03-01\n`));
    const textsTo = () => stack.simulator.store.listMessages({ to: phone }).filter((m) => m.from === serviceNumber);
    await eventually('the first text', async () => (textsTo().length > 0 ? true : undefined));
    const ledger = async () => (await call(url, 'GET', `/contacts/${encodeURIComponent(phone)}/consent`)).body.permissions;
    const account = async () => (await call(url, 'GET', `/campaigns/${campaignId}/debtors/O-1`)).body.state;

    stack.simulator.people.sendSms(phone, 'STOP');
    await eventually('the opt-out', async () => ((await ledger()).smsOptedOut && (await account()).optedOut?.sms ? true : undefined));

    stack.simulator.people.sendSms(phone, 'Start');
    await eventually('the opt-in', async () => (!(await ledger()).smsOptedOut && (await account()).optedOut?.sms === false ? true : undefined));
    // Twilio confirms each keyword itself; the service adds no second text to a START.
    const afterStart = textsTo().slice(textsTo().findIndex((m) => m.body.includes('unsubscribed')) + 1);
    expect(afterStart.map((m) => m.body)).toEqual([expect.stringContaining('re-subscribed')]);
    // The audit log is written beside the workflow, not before its state changes: wait for it.
    await eventually('the opt-in in the audit log', async () =>
      (await stack.service.mongo.models.auditEvents.find({ campaignId }).lean()).some((event) => event.type === 'sms-opt-in') ? true : undefined,
    );
  });
});
