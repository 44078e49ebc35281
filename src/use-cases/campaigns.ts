import { isDeepStrictEqual } from 'node:util';
import mongoose from 'mongoose';
import { AppError } from '../http/app-error';
import { CampaignDocumentError, parseCampaignDocument, type CampaignDocumentFormat } from '../campaigns/campaign-document';
import { validateCampaign, type FieldError } from '../campaigns/campaign-validation';
import { campaignSchema, type Campaign } from '../campaigns/campaign-schema';
import { GatewayError } from '../temporal/gateway';
import { terminalOutcomes } from '../../workflows/debtor/debtor.messages';
import { forEachBounded } from './bounded';
import { isDuplicateKeyError } from './duplicate-key';
import type { UseCaseDeps } from './use-case-deps';

// Campaigns are stored as immutable versions (campaign_versions) plus one state document per
// campaign (campaigns: latest version, paused). Running debtor workflows hear of a new version
// by signal and adopt it at their next step.

export type CampaignDocumentValidation =
  | { ok: true; campaign: Campaign }
  /** `unreadable`: the text is not YAML/JSON at all (one error, with line and column). */
  | { ok: false; unreadable: boolean; errors: FieldError[] };

export interface AppliedCampaign {
  campaignId: string;
  version: number;
  /** False when the document equals the latest version: nothing was written. */
  created: boolean;
}

export interface StoredCampaign {
  campaignId: string;
  version: number;
  latestVersion: number;
  name: string;
  paused: boolean;
  createdAt: Date;
  document: Campaign;
}

export interface CampaignRunState {
  campaignId: string;
  paused: boolean;
  /** Running debtor workflows that took the change, and those that refused or had ended. */
  debtors: { updated: number; skipped: number };
}

/** Two applies racing for the same version number is rare; a handful of retries settles it. */
const maxApplyAttempts = 5;
/** Signals in flight at once when a change reaches every running debtor of a campaign. */
const signalConcurrency = 16;

/** A campaign document as text (YAML or JSON) or as data already parsed, checked field by field. */
export function validateCampaignDocument(document: string | object, format: CampaignDocumentFormat): CampaignDocumentValidation {
  let data: unknown = document;
  if (typeof document === 'string') {
    try {
      data = parseCampaignDocument(document, format);
    } catch (err) {
      if (!(err instanceof CampaignDocumentError)) throw err;
      return { ok: false, unreadable: true, errors: [{ path: '(document)', message: err.message }] };
    }
  }
  const checked = validateCampaign(data);
  return checked.ok ? checked : { ok: false, unreadable: false, errors: checked.errors };
}

/**
 * Saves the document as the campaign's next version and tells its running debtors. A document
 * equal to the latest version saves nothing and returns that version, so applying the same file
 * again (from CI, say) is harmless.
 */
export async function applyCampaign(deps: UseCaseDeps, document: string | object, format: CampaignDocumentFormat): Promise<AppliedCampaign> {
  const checked = validateCampaignDocument(document, format);
  if (!checked.ok) throw campaignRejection(checked);
  // Stored as plain JSON, the form it reads back in, so "equal to the latest version" compares like with like.
  const campaign = JSON.parse(JSON.stringify(checked.campaign)) as Campaign;

  const { version, created } = await saveNextVersion(deps, campaign);
  await deps.mongo.models.campaigns.updateOne(
    { campaignId: campaign.id },
    // $max: a slower concurrent apply of an older version never moves the campaign back.
    { $max: { latestVersion: version }, $set: { updatedAt: new Date() }, $setOnInsert: { paused: false } },
    { upsert: true },
  );
  if (created) {
    await forEachRunningDebtor(deps, campaign.id, async (workflowId) => (await deps.gateway.campaignUpdated([workflowId], version)).notified > 0);
  }
  return { campaignId: campaign.id, version, created };
}

/** The latest version of a campaign, or the one asked for. */
export async function getCampaign(deps: UseCaseDeps, campaignId: string, version?: number): Promise<StoredCampaign> {
  const state = await campaignState(deps, campaignId);
  const wanted = version ?? state.latestVersion;
  const stored = await deps.mongo.models.campaignVersions.findOne({ campaignId, version: wanted }).lean();
  if (!stored) throw new AppError('not_found', `campaign '${campaignId}' has no version ${wanted} (the latest is ${state.latestVersion})`, 404);
  return {
    campaignId,
    version: stored.version,
    latestVersion: state.latestVersion,
    name: stored.name,
    paused: state.paused,
    createdAt: stored.createdAt,
    document: campaignSchema.parse(stored.document),
  };
}

/** Stops contact for every running debtor of the campaign (and, while paused, the campaign takes no imports). */
export async function pauseCampaign(deps: UseCaseDeps, campaignId: string): Promise<CampaignRunState> {
  return setPaused(deps, campaignId, true, (workflowId) => deps.gateway.pause(workflowId, 'campaign paused', 'campaign'));
}

/** Resumes contact for every running debtor the campaign's pause paused; an operator's own pause stays. */
export async function resumeCampaign(deps: UseCaseDeps, campaignId: string): Promise<CampaignRunState> {
  return setPaused(deps, campaignId, false, (workflowId) => deps.gateway.resume(workflowId, 'campaign'));
}

async function setPaused(
  deps: UseCaseDeps,
  campaignId: string,
  paused: boolean,
  tell: (workflowId: string) => Promise<unknown>,
): Promise<CampaignRunState> {
  await campaignState(deps, campaignId);
  // The flag first: an import that starts from now on sees it.
  await deps.mongo.models.campaigns.updateOne({ campaignId }, { $set: { paused, updatedAt: new Date() } });
  const debtors = await forEachRunningDebtor(deps, campaignId, async (workflowId) => {
    try {
      await tell(workflowId);
      return true;
    } catch (err) {
      // Ended since the status mirror last changed, still starting, or not paused: nothing to change.
      if (err instanceof GatewayError) return false;
      throw err;
    }
  });
  return { campaignId, paused, debtors };
}

/** The campaign's state document; 404 when no version of it was ever applied. */
export async function campaignState(deps: UseCaseDeps, campaignId: string) {
  const state = await deps.mongo.models.campaigns.findOne({ campaignId }).lean();
  if (!state) throw new AppError('not_found', `no campaign '${campaignId}': apply its document first`, 404);
  return state;
}

async function saveNextVersion(deps: UseCaseDeps, campaign: Campaign): Promise<{ version: number; created: boolean }> {
  const versions = deps.mongo.models.campaignVersions;
  for (let attempt = 1; attempt <= maxApplyAttempts; attempt++) {
    const latest = await versions.findOne({ campaignId: campaign.id }).sort({ version: -1 }).lean();
    if (latest && isDeepStrictEqual(latest.document, campaign)) return { version: latest.version, created: false };
    const version = (latest?.version ?? 0) + 1;
    try {
      await versions.create({ campaignId: campaign.id, version, name: campaign.name, document: campaign, createdAt: new Date() });
      return { version, created: true };
    } catch (err) {
      // The unique (campaignId, version) index refused: another apply took this number. Look again.
      if (!isDuplicateKeyError(err)) throw err;
    }
  }
  throw new AppError('conflict', `campaign '${campaign.id}' kept changing while this document was applied; apply it again`, 409);
}

/**
 * Calls `act` for each debtor of the campaign whose mirrored status is not terminal; `act` says
 * whether the workflow took it. Counts both.
 */
async function forEachRunningDebtor(
  deps: UseCaseDeps,
  campaignId: string,
  act: (workflowId: string) => Promise<boolean>,
): Promise<{ updated: number; skipped: number }> {
  const running = deps.mongo.models.debtors
    // trusted: sanitizeFilter would otherwise turn this (our own, not a request's) operator into a value.
    .find({ campaignId, status: mongoose.trusted({ $nin: [...terminalOutcomes] }) })
    .select({ workflowId: 1 })
    .lean()
    .cursor();
  const counts = { updated: 0, skipped: 0 };
  await forEachBounded(running, signalConcurrency, async ({ workflowId }) => {
    if (await act(workflowId)) counts.updated++;
    else counts.skipped++;
  });
  return counts;
}

/** The error for a document that failed validation: 400 when it is not YAML/JSON at all, 422 when fields are wrong. */
export function campaignRejection(checked: { unreadable: boolean; errors: FieldError[] }): AppError {
  return checked.unreadable
    ? new AppError('malformed_document', checked.errors[0].message, 400, checked.errors)
    : new AppError('invalid_campaign', `the campaign document has ${checked.errors.length} problem(s)`, 422, checked.errors);
}
