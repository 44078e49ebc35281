import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { parseCampaignDocument } from '../../src/campaigns/campaign-document';
import { validateCampaign } from '../../src/campaigns/campaign-validation';
import type { Campaign } from '../../src/campaigns/campaign-schema';
import type { Models } from '../../src/adapters/mongo/models';
import type { TemporalGateway } from '../../src/temporal/gateway';
import type { CollectionsStack } from './collections-stack';
import { stepClock } from './time-travel';
import { goldenCodecs, goldenDir } from './golden-histories';
import { decodeHistoryJson, encodeHistoryJson, type HistoryJson } from '../../src/temporal/workflow-histories';
import type { DebtorProfile, DebtorView } from '../../workflows/debtor/debtor.messages';

export function loadTestCampaign(file = 'cadence-test.yaml', edit: (doc: Record<string, any>) => void = () => undefined): Campaign {
  const doc = parseCampaignDocument(readFileSync(path.resolve(__dirname, '../fixtures/campaigns', file), 'utf8'), 'yaml') as Record<string, any>;
  edit(doc);
  const checked = validateCampaign(doc);
  if (!checked.ok) throw new Error(`test campaign invalid: ${JSON.stringify(checked.errors)}`);
  return checked.campaign;
}

/** Stores a campaign version as the campaign store does (the API's apply is tested on its own). */
export async function storeCampaignVersion(models: Models, campaign: Campaign, version: number): Promise<void> {
  await models.campaignVersions.create({ campaignId: campaign.id, version, name: campaign.name, document: campaign, createdAt: new Date() });
  await models.campaigns.updateOne(
    { campaignId: campaign.id },
    { $set: { latestVersion: version, paused: false, updatedAt: new Date() } },
    { upsert: true },
  );
}

export function debtorProfile(accountRef: string, phone: string, overrides: Partial<DebtorProfile> = {}): DebtorProfile {
  return {
    accountRef,
    fullName: 'Jordan Lee',
    firstName: 'Jordan',
    phone,
    timeZone: 'America/New_York',
    language: 'en',
    currency: 'USD',
    amountDueMinor: 12_500,
    dueDate: '2026-11-01',
    segmentData: {},
    artificialVoiceConsent: true,
    ...overrides,
  };
}

/** Stores the debtor as an import does, then starts its workflow. */
export async function startDebtor(
  models: Models,
  gateway: TemporalGateway,
  campaignId: string,
  campaignVersion: number,
  debtor: DebtorProfile,
  options: { continueAsNewAfterEvents?: number } = {},
): Promise<string> {
  const workflowId = `debtor/${campaignId}/${debtor.accountRef}`;
  await models.debtors.create({
    ...debtor,
    workflowId,
    campaignId,
    importedAt: new Date(),
    status: 'contacting',
    balanceMinor: debtor.amountDueMinor,
    updatedAt: new Date(),
  });
  const { workflowId: started } = await gateway.startDebtor({ campaignId, campaignVersion, debtor, ...options });
  return started;
}

/**
 * Moves the time-skipping server's clock forward from one of the workflow's timers to the next
 * (test/support/time-travel.ts says why never further), letting real-time work (texts, calls,
 * webhooks, payments) finish in between, until `done` holds.
 */
export async function advanceUntil<View extends { outcome?: string } = DebtorView>(
  env: TestWorkflowEnvironment,
  stack: CollectionsStack,
  workflowId: string,
  done: (view: View) => boolean,
  options: { maxDays?: number; what?: string; read?: StateReader<View> } = {},
): Promise<View> {
  const what = options.what ?? 'condition';
  const limit = (await env.currentTimeMs()) + (options.maxDays ?? 30) * 24 * 3600 * 1000;
  const read = options.read ?? (debtorStateReader as unknown as StateReader<View>);
  let idleSinceMs: number | undefined;
  for (;;) {
    const view = await settledState(stack, workflowId, read);
    if (done(view)) return view;
    if (view.outcome) throw new Error(`${what} never reached: the account closed as ${view.outcome}: ${JSON.stringify(view)}`);
    if ((await env.currentTimeMs()) > limit) throw new Error(`${what} not reached within ${options.maxDays ?? 30} days: ${JSON.stringify(view)}`);
    const step = await stepClock(env, workflowId);
    idleSinceMs = step === 'idle' ? (idleSinceMs ?? Date.now()) : undefined;
    if (idleSinceMs !== undefined && Date.now() - idleSinceMs > idleLimitMs) {
      throw new Error(`${what} not reached: the workflow has waited ${idleLimitMs / 1000} s with no timer and no live call: ${JSON.stringify(view)}`);
    }
  }
}

const idleLimitMs = 30_000;

/** Moves the clock forward by `ms` the same way, for a wait in which nothing should happen. */
export async function advanceBy(env: TestWorkflowEnvironment, stack: CollectionsStack, workflowId: string, ms: number): Promise<DebtorView> {
  const until = (await env.currentTimeMs()) + ms;
  for (;;) {
    const view = await settledState(stack, workflowId);
    if ((await env.currentTimeMs()) >= until) return view;
    await stepClock(env, workflowId, until);
  }
}

/**
 * The workflow's state once the real-time world has caught up: the simulated people have done
 * what they do (replied, paid) and the workflow's view has stopped changing.
 */
export async function settledState<View = DebtorView>(stack: CollectionsStack, workflowId: string, read: StateReader<View> = debtorStateReader as unknown as StateReader<View>): Promise<View> {
  let previous = '';
  for (let round = 0; round < 50; round++) {
    await stack.simulator.settle();
    const view = await read(stack.service.gateway, workflowId);
    const key = JSON.stringify(view);
    if (key === previous) return view;
    previous = key;
    await new Promise((r) => setTimeout(r, 150));
  }
  return read(stack.service.gateway, workflowId);
}

/** How a test reads a workflow's state: a debtor's by default, a respondent's for surveys. */
export type StateReader<View> = (gateway: TemporalGateway, workflowId: string) => Promise<View>;
const debtorStateReader: StateReader<DebtorView> = (gateway, workflowId) => gateway.debtorState(workflowId);

/**
 * Writes the workflow's history to test/golden-histories/<name>.json when UPDATE_GOLDEN_HISTORIES
 * is set, its payloads encrypted with the golden histories' test key whatever key (or none) the
 * service used; test/replay replays every file there against today's workflow code.
 */
export async function saveGoldenHistory(gateway: TemporalGateway, workflowId: string, name: string): Promise<void> {
  if (!process.env.UPDATE_GOLDEN_HISTORIES) return;
  const history = await gateway.client.workflow.getHandle(workflowId).fetchHistory();
  const stored = JSON.parse(historyToJSON(history)) as HistoryJson;
  const clear = await decodeHistoryJson(stored, gateway.client.options.loadedDataConverter.payloadCodecs);
  // The workflow id is kept beside the history: the workflow derives keys from it, so a replay
  // under another id would diverge for a reason that is not the code's.
  const file = { workflowId, history: await encodeHistoryJson(clear, goldenCodecs()) };
  writeFileSync(path.join(goldenDir, `${name}.json`), `${JSON.stringify(file, null, 1)}\n`);
}
