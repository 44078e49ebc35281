import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startCollectionsStack, eventually, type CollectionsStack } from '../support/collections-stack';
import { call, csv, demoCampaignYaml, runCli, yaml } from '../support/api-calls';
import { saveGoldenHistory } from '../support/debtor-fixtures';

// A campaign-wide change reaches its running debtors through a broadcast workflow that pages
// through them; here with pages of 2 and 2 pages per run, so 7 debtors take two continue-as-news.

describe('campaign broadcasts', () => {
  let stack: CollectionsStack;
  let url: string;
  const gateway = () => stack.service.gateway;
  const paging = { pageSize: 2, pagesPerRun: 2 };

  beforeAll(async () => {
    stack = await startCollectionsStack('campaign-broadcast');
    url = stack.service.httpUrl!;
  });
  afterAll(async () => {
    await stack?.stop();
  });

  /** A campaign with `count` running debtors, each past loading its campaign (when it takes a pause). */
  async function campaignWithDebtors(count: number): Promise<{ campaignId: string; workflowIds: string[] }> {
    const campaignId = `broadcast-${randomUUID().slice(0, 8)}`;
    await call(url, 'PUT', '/campaigns', yaml(demoCampaignYaml(campaignId)));
    const rows = Array.from({ length: count }, (_, i) => `B-${i + 1},Person ${i + 1},+1212555${String(3100 + i)},40.00,2026-03-01`);
    const imported = await call(url, 'POST', `/campaigns/${campaignId}/debtors/import`, csv(`accountRef,fullName,phone,amountDue,dueDate\n${rows.join('\n')}\n`));
    expect(imported.body).toMatchObject({ started: count });
    const workflowIds = rows.map((_, i) => `debtor/${campaignId}/B-${i + 1}`);
    for (const workflowId of workflowIds) {
      await eventually(`${workflowId} to load its campaign`, async () => ((await gateway().debtorState(workflowId)).strategy !== 'undecided' ? true : undefined));
    }
    return { campaignId, workflowIds };
  }

  const setPausedFlag = (campaignId: string, paused: boolean) => stack.service.mongo.models.campaigns.updateOne({ campaignId }, { $set: { paused } });

  it('when a pause is broadcast to more debtors than one run pages through, then every one is paused and the runs continue as new', async () => {
    const { campaignId, workflowIds } = await campaignWithDebtors(7);
    await setPausedFlag(campaignId, true);

    const { workflowId, progress } = await gateway().broadcastToCampaign(campaignId, { kind: 'pause', reason: 'campaign paused' }, 60_000, paging);

    expect(progress).toEqual({ updated: 7, skipped: 0, done: true });
    for (const id of workflowIds) expect(await gateway().debtorState(id), id).toMatchObject({ paused: true, pausedBy: ['campaign'] });
    // 7 debtors, 4 per run: the last run is the third, started by continue-as-new with the count so far.
    const lastRun = await gateway().client.workflow.getHandle(workflowId).fetchHistory();
    const started = lastRun.events![0]!.workflowExecutionStartedEventAttributes!;
    expect(started.continuedExecutionRunId).toBeTruthy();
    await saveGoldenHistory(gateway(), workflowId, 'campaign-broadcast');
  });

  it('when a pause broadcast finds the campaign resumed since, then it stops and pauses nobody (the resume that replaced it is not undone)', async () => {
    const { campaignId, workflowIds } = await campaignWithDebtors(3);
    await setPausedFlag(campaignId, false);

    const { progress } = await gateway().broadcastToCampaign(campaignId, { kind: 'pause', reason: 'campaign paused' }, 60_000, paging);

    expect(progress).toEqual({ updated: 0, skipped: 0, done: true, superseded: true });
    for (const id of workflowIds) expect((await gateway().debtorState(id)).paused, id).toBe(false);
  });

  it('when a campaign is paused and resumed over HTTP, then each response counts every debtor told and they resume together', async () => {
    const { campaignId, workflowIds } = await campaignWithDebtors(5);

    const paused = await call(url, 'POST', `/campaigns/${campaignId}/pause`);
    expect(paused.body).toMatchObject({ paused: true, debtors: { updated: 5, skipped: 0 }, broadcast: { done: true } });
    const resumed = await call(url, 'POST', `/campaigns/${campaignId}/resume`);
    expect(resumed.body).toMatchObject({ paused: false, debtors: { updated: 5, skipped: 0 }, broadcast: { done: true } });
    for (const id of workflowIds) expect((await gateway().debtorState(id)).paused, id).toBe(false);
    // An operator reading the campaign sees how far the latest one got (the resume); no version was broadcast.
    const campaign = await call(url, 'GET', `/campaigns/${campaignId}`);
    expect(campaign.body.broadcasts).toEqual({ pause: { workflowId: `campaign/${campaignId}/broadcast/pause`, updated: 5, skipped: 0, done: true } });
  });

  it('when a changed campaign is applied with `parley campaign apply`, then it says how many running debtors were told', async () => {
    const { campaignId } = await campaignWithDebtors(2);
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'parley-broadcast-'));
    try {
      const file = path.join(scratch, 'campaign.yaml');
      writeFileSync(file, demoCampaignYaml(campaignId, 'Northwind Recoveries'));
      const applied = await runCli(['campaign', 'apply', file], { PARLEY_API_URL: url });
      expect(applied).toMatchObject({ code: 0, stdout: `campaign ${campaignId}: version 2 saved; 2 running debtors told\n` });
      const again = await runCli(['campaign', 'apply', file], { PARLEY_API_URL: url });
      expect(again.stdout).toBe(`campaign ${campaignId}: unchanged, version 2 is the latest\n`);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
