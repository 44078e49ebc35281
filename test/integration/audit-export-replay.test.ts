import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eventually, startCollectionsStack, type CollectionsStack } from '../support/collections-stack';
import { debtorProfile, loadTestCampaign, startDebtor, storeCampaignVersion } from '../support/debtor-fixtures';
import { runCli } from '../support/api-calls';
import type { ExportManifest } from '../../src/temporal/history-files';

// An auditor's round trip on a real debtor: `parley audit export` takes the history out of
// Temporal as it is stored (encrypted) or decoded, and `parley audit replay` replays the folder
// against this build's workflow code, as the README's deploy gate does; a history edited by hand
// no longer replays, and the report names it.

const payloadKeys = `audit-1=${randomBytes(32).toString('base64')}`;
const clearName = 'Jordan Lee';

/** Everything a person could read in an exported file without the key: its text, and its payloads' bytes. */
function readable(file: string): string {
  const text = readFileSync(file, 'utf8');
  const payloads = [...text.matchAll(/"data": ?"([A-Za-z0-9+/=]*)"/g)].map((match) => Buffer.from(match[1]!, 'base64').toString('latin1'));
  return `${text}\n${payloads.join('\n')}`;
}

interface ScheduledEvent {
  eventId: string;
  activityTaskScheduledEventAttributes?: { activityType: { name: string } };
}

/**
 * Swaps the first activity scheduled with the next one of another type, if the history has two:
 * it now says they ran the other way round. The first one's event id.
 */
function swapFirstActivities(file: string): string | undefined {
  const history = JSON.parse(readFileSync(file, 'utf8')) as { events: ScheduledEvent[] };
  const scheduled = history.events.filter((event) => event.activityTaskScheduledEventAttributes);
  const [first, other] = [scheduled[0], scheduled.find((event) => event.activityTaskScheduledEventAttributes!.activityType.name !== scheduled[0]!.activityTaskScheduledEventAttributes!.activityType.name)];
  if (!first || !other) return undefined;
  [first.activityTaskScheduledEventAttributes, other.activityTaskScheduledEventAttributes] = [other.activityTaskScheduledEventAttributes, first.activityTaskScheduledEventAttributes];
  writeFileSync(file, JSON.stringify(history));
  return first.eventId;
}

describe('parley audit export and replay', () => {
  let stack: CollectionsStack;
  let scratch: string;
  let workflowId: string;
  const startedFrom = new Date(Date.now() - 60_000).toISOString();
  const campaign = loadTestCampaign('fast-cadence.yaml', (doc) => {
    doc.id = `audit-${randomUUID().slice(0, 8)}`;
  });
  const cli = (...args: string[]) => runCli(['audit', ...args], { TEMPORAL_ADDRESS: inject('temporalAddress'), TEMPORAL_PAYLOAD_KEYS: payloadKeys, LOG_LEVEL: 'warn' });
  const exported = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as ExportManifest;

  beforeAll(async () => {
    scratch = mkdtempSync(path.join(os.tmpdir(), 'parley-audit-'));
    stack = await startCollectionsStack('audit-export-replay', { env: { TEMPORAL_PAYLOAD_KEYS: payloadKeys } });
    await storeCampaignVersion(stack.service.mongo.models, campaign, 1);
    const phone = '+447700900917';
    stack.simulator.people.assign(phone, 'cooperative-payer');
    // A short run length, so the debtor's story spans runs as a long campaign's does.
    workflowId = await startDebtor(stack.service.mongo.models, stack.service.gateway, campaign.id, 1, debtorProfile('A-1', phone), { continueAsNewAfterEvents: 20 });
    await eventually('the debtor to pay', async () => ((await stack.service.gateway.debtorState(workflowId)).status === 'paid' ? true : undefined), 60_000);
  });
  afterAll(async () => {
    await stack?.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it("when a debtor's history is exported, then each of its runs is a file holding ciphertext only, and with --decode the name is readable", async () => {
    const sealed = path.join(scratch, 'sealed');
    const result = await cli('export', '--workflow', workflowId, '--out', sealed, '--json');
    expect(result, result.stderr).toMatchObject({ code: 0 });
    const { runs } = exported(sealed);
    expect(JSON.parse(result.stdout)).toMatchObject({ workflows: 1, runs });
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(new Set(runs.map((run) => run.runId)).size).toBe(runs.length);
    for (const run of runs) {
      expect(run).toMatchObject({ workflowId, workflowType: 'debtorWorkflow', payloads: 'encrypted' });
      expect(JSON.parse(readFileSync(path.join(sealed, run.file), 'utf8')).events).toHaveLength(run.events);
      expect(readable(path.join(sealed, run.file))).not.toContain(clearName);
    }

    const opened = path.join(scratch, 'opened');
    expect(await cli('export', '--workflow', workflowId, '--out', opened, '--decode')).toMatchObject({ code: 0, stdout: expect.stringContaining(`1 workflows, ${runs.length} runs`) });
    expect(exported(opened).runs.map((run) => run.payloads)).toEqual(runs.map(() => 'decoded'));
    expect(readable(path.join(opened, exported(opened).runs[0]!.file))).toContain(clearName);
  }, 120_000);

  it("when a campaign's last minutes are exported, then its debtor is found by the visibility query", async () => {
    const dir = path.join(scratch, 'campaign');
    const found = await eventually('the debtor in the visibility list', async () => {
      rmSync(dir, { recursive: true, force: true });
      const result = await cli('export', '--campaign', campaign.id, '--from', startedFrom, '--out', dir, '--json');
      return result.code === 0 ? (JSON.parse(result.stdout) as ExportManifest) : undefined;
    });
    expect(found.runs.map((run) => run.workflowId)).toContain(workflowId);
    expect(found.query).toContain(`WorkflowId STARTS_WITH 'debtor/${campaign.id}/'`);
  }, 120_000);

  it('when the exported folder is replayed against this build, then the history passes and the exit code is 0', async () => {
    const result = await cli('replay', path.join(scratch, 'sealed'), '--json');
    expect(result, result.stderr).toMatchObject({ code: 0 });
    const report = JSON.parse(result.stdout) as { passed: number; histories: Array<{ workflowId: string; status: string }> };
    const runs = exported(path.join(scratch, 'sealed')).runs;
    expect(report).toMatchObject({ replayed: runs.length, passed: runs.length, diverged: 0 });
    expect(report.histories.map((h) => [h.workflowId, h.status])).toEqual(runs.map(() => [workflowId, 'passed']));
    // Straight from the server, by workflow id, too: every run.
    const fromServer = await cli('replay', '--workflow', workflowId);
    expect(fromServer).toMatchObject({ code: 0, stdout: expect.stringContaining(`${runs.length} histories: ${runs.length} passed, 0 diverged`) });
  }, 120_000);

  it('when an exported history is edited so two activities swap places, then replay exits 1 and names the history and the event', async () => {
    const tampered = path.join(scratch, 'tampered');
    cpSync(path.join(scratch, 'sealed'), tampered, { recursive: true });
    let edited: { file: string; eventId: string } | undefined;
    for (const run of exported(tampered).runs) {
      const file = path.join(tampered, run.file);
      const eventId = swapFirstActivities(file);
      if (eventId) {
        edited = { file, eventId };
        break;
      }
    }
    const { file, eventId } = edited!;
    const result = await cli('replay', tampered);
    expect(result.code, result.stdout + result.stderr).toBe(1);
    expect(result.stdout).toContain(`diverged   ${file}`);
    expect(result.stdout).toContain(`at event ${eventId} ActivityTaskScheduled`);
    expect(result.stdout).toMatch(/\d+ histories: \d+ passed, 1 diverged, 0 failed/);
  }, 120_000);

  it('when replay is given nothing to replay, or a path that does not exist, then it exits 2 and says why', async () => {
    expect(await cli('replay')).toMatchObject({ code: 2, stderr: expect.stringContaining('name the histories to replay') });
    expect(await cli('replay', path.join(scratch, 'missing'))).toMatchObject({ code: 2, stderr: expect.stringContaining('no such file or folder') });
    expect(await cli('export', '--out', path.join(scratch, 'none'))).toMatchObject({ code: 2, stderr: expect.stringContaining('name the workflows to export') });
  }, 120_000);
});
