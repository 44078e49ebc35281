import { expect } from 'vitest';
import { eventually, startCollectionsStack, type CollectionsStack } from './collections-stack';
import { apiKeyFor, bearer, call, csv, demoCampaignYaml, yaml } from './api-calls';

// Debtors whom the demo campaign hands to a person at once: flagged distressed, they match its
// human-first segment, so each workflow opens a human task as it starts.

export interface DistressedDebtor {
  accountRef: string;
  fullName: string;
  phone: string;
  amountDue: string;
}

export const distressedZone = 'America/New_York';

/** Applies the demo campaign as `campaignId` and imports the debtors, each of whom waits for an agent. */
export async function handDistressedDebtorsToAPerson(url: string, campaignId: string, debtors: DistressedDebtor[]): Promise<void> {
  expect((await call(url, 'PUT', '/campaigns', yaml(demoCampaignYaml(campaignId)))).status).toBe(201);
  const header = 'accountRef,fullName,phone,timeZone,amountDue,dueDate,daysPastDue,flags,artificialVoiceConsent';
  const rows = debtors.map((d) => `${d.accountRef},${d.fullName},${d.phone},${distressedZone},${d.amountDue},2026-03-01,,distressed,yes`);
  const imported = await call(url, 'POST', `/campaigns/${campaignId}/debtors/import`, csv([header, ...rows].join('\n')));
  expect(imported.body).toMatchObject({ started: debtors.length });
}

/** The debtor's open task as the queue lists it, once it is there. */
export function queuedTaskOf(url: string, agentKey: string, campaignId: string, accountRef: string) {
  return eventually(`the task of ${accountRef} in the queue`, async () => {
    const listed = await call(url, 'GET', '/human-tasks?limit=200', undefined, bearer(agentKey));
    return listed.body.tasks?.find((task: { accountRef?: string; campaignId?: string }) => task.campaignId === campaignId && task.accountRef === accountRef);
  });
}

/** The service with its worker, an admin's test key (what `call` sends), and two agents: ana and ben. */
export async function startQueueStack(name: string): Promise<{ stack: CollectionsStack; url: string; agents: { ana: string; ben: string } }> {
  const stack = await startCollectionsStack(name);
  await apiKeyFor(stack.service, 'admin');
  const agents = { ana: await apiKeyFor(stack.service, 'agent', 'ana'), ben: await apiKeyFor(stack.service, 'agent', 'ben') };
  return { stack, url: stack.service.httpUrl!, agents };
}
