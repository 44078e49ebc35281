import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startCollectionsStack, type CollectionsStack } from '../support/collections-stack';
import { debtorProfile, loadTestCampaign, startDebtor, storeCampaignVersion } from '../support/debtor-fixtures';
import { runCli } from '../support/api-calls';
import { checkChain } from '../../src/audit/audit-chain';
import type { AuditContent } from '../../src/audit/audit-entry';

// The audit log's hash chain on the real database (FerretDB), and `parley audit verify` run as an
// auditor runs it: in its own process, on the service's database and Temporal, with its payload key.

const campaign = loadTestCampaign('fast-cadence.yaml', (doc) => {
  doc.id = 'audit-verify';
});

describe('the audit log', () => {
  let stack: CollectionsStack;
  const models = () => stack.service.mongo.models;
  const audit = () => stack.service.mongo.repositories.audit;
  /** What `parley audit verify` needs: the servers, the database and the payload key the service uses. */
  const cliEnv = () => {
    const { MONGODB_URI, MONGODB_DATABASE, TEMPORAL_ADDRESS, TEMPORAL_PAYLOAD_KEYS } = stack.env;
    return { MONGODB_URI: MONGODB_URI!, MONGODB_DATABASE: MONGODB_DATABASE!, TEMPORAL_ADDRESS: TEMPORAL_ADDRESS!, TEMPORAL_PAYLOAD_KEYS: TEMPORAL_PAYLOAD_KEYS! };
  };
  const verify = (...args: string[]) => runCli(['audit', 'verify', ...args], cliEnv());

  beforeAll(async () => {
    stack = await startCollectionsStack('audit-verify', { env: { TEMPORAL_PAYLOAD_KEYS: `audit-1=${randomBytes(32).toString('base64')}` } });
    await storeCampaignVersion(models(), campaign, 1);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('when many entries of one subject are appended at once, some twice, then they form one unbroken chain with each entry once', async () => {
    const subject = 'debtor/audit-verify/CONCURRENT';
    // Data that could come back from the database in another form than it went in.
    const rich = { nested: { list: [1, 'two', null, { x: 1.5 }], empty: {}, text: 'é 中 ✓' }, at: Date.now(), negative: -12_500 };
    const content = (n: number): AuditContent => ({ eventKey: `${subject}#${n}`, workflowId: subject, campaignId: campaign.id, campaignVersion: 1, type: 'test', data: { n, ...rich } });
    const keys = Array.from({ length: 24 }, (_, i) => i + 1);
    // Every fourth entry is sent twice at once, as a retried activity may while its first try still runs.
    await Promise.all([...keys, ...keys.filter((n) => n % 4 === 0)].map((n) => audit().append(content(n))));
    await audit().append(content(7));

    const entries = await audit().chainOf(subject);
    expect(entries.map((entry) => entry.chainSeq)).toEqual(keys);
    expect(new Set(entries.map((entry) => entry.eventKey)).size).toBe(keys.length);
    expect(checkChain(entries).problems).toEqual([]);

    // No import record and no workflow (an erased account's log, or one past Temporal's retention): the chain alone is checked.
    const chainOnly = await verify(campaign.id, 'CONCURRENT');
    expect(chainOnly.code, chainOnly.stderr).toBe(0);
    expect(chainOnly.stdout).toContain('24 audit entries checked, chain positions #1-#24\nworkflow history: not checked');
  }, 60_000);

  it('when a journey has run, then verify passes; when an entry is edited or deleted in MongoDB, then it fails naming the entry', async () => {
    const phone = '+447700900417';
    stack.simulator.people.assign(phone, 'cooperative-payer');
    const workflowId = await startDebtor(models(), stack.service.gateway, campaign.id, 1, debtorProfile('AV-1', phone));
    await stack.service.gateway.client.workflow.getHandle(workflowId).result();
    // Written beside the workflow, which waits for its writes before it ends: all are stored by now.
    const entries = await eventually('the closing audit entry', async () => {
      const stored = await audit().chainOf(workflowId);
      return stored.some((entry) => entry.type === 'closed') ? stored : undefined;
    });
    expect(entries.length).toBeGreaterThanOrEqual(3);

    const passed = await verify(campaign.id, 'AV-1', '--json');
    expect(passed.code, passed.stderr).toBe(0);
    expect(JSON.parse(passed.stdout)).toMatchObject({ workflowId, ok: true, entriesChecked: entries.length, history: { runs: 1, writes: entries.length, inFlight: 0 }, problems: [] });

    const raw = models().auditEvents.collection;
    const edited = entries[1]!;
    await raw.updateOne({ eventKey: edited.eventKey }, { $set: { 'data.edited': true } });
    const afterEdit = await verify(campaign.id, 'AV-1');
    expect(afterEdit.code, afterEdit.stderr).toBe(1);
    expect(afterEdit.stdout).toContain(`problem: entry #2 (${edited.eventKey}): hash mismatch`);
    expect(afterEdit.stdout).toContain('1 problem found');

    await raw.updateOne({ eventKey: edited.eventKey }, { $unset: { 'data.edited': '' } });
    expect((await verify(campaign.id, 'AV-1')).code).toBe(0);

    const deleted = entries[1]!;
    const next = entries[2]!;
    await raw.deleteOne({ eventKey: deleted.eventKey });
    const afterDelete = await verify(campaign.id, 'AV-1');
    expect(afterDelete.code, afterDelete.stderr).toBe(1);
    expect(afterDelete.stdout).toContain(`problem: entry #3 (${next.eventKey}): missing link: entry #2 before it is missing (deleted)`);
    expect(afterDelete.stdout).toContain(`problem: entry ${deleted.eventKey}: written according to the workflow history`);
  }, 180_000);

  it('when the campaign, the account or the survey does not exist, then verify exits 2 and says which', async () => {
    const noCampaign = await verify('no-such-campaign', 'AV-1');
    expect(noCampaign).toMatchObject({ code: 2, stderr: expect.stringContaining("campaign: no campaign 'no-such-campaign'") });
    const noAccount = await verify(campaign.id, 'NO-SUCH-ACCOUNT');
    expect(noAccount).toMatchObject({ code: 2, stderr: expect.stringContaining(`account: no account 'NO-SUCH-ACCOUNT' in campaign '${campaign.id}'`) });
    const noSurvey = await verify('--survey', 'no-such-survey', 'R-1');
    expect(noSurvey).toMatchObject({ code: 2, stderr: expect.stringContaining("survey: no survey 'no-such-survey'") });
  }, 60_000);
});
