import { isDeepStrictEqual } from 'node:util';
import { AppError } from '../errors/app-error';
import { CampaignDocumentError, parseCampaignDocument, type CampaignDocumentFormat } from '../campaigns/campaign-document';
import { validateCampaign, type FieldError } from '../campaigns/campaign-validation';
import { campaignSchema, type Campaign } from '../campaigns/campaign-schema';
import type { CampaignBroadcasts, CampaignNotice } from '../../workflows/campaign/campaign-broadcast.messages';
import type { UseCaseDeps } from './use-case-deps';

// Campaigns are stored as immutable versions (campaign_versions) plus one state document per
// campaign (campaigns: latest version, paused). Running debtor workflows hear of a new version
// or a pause from a campaign broadcast (a workflow of its own) and act at their next step.

export type CampaignDocumentValidation =
  | { ok: true; campaign: Campaign }
  /** `unreadable`: the text is not YAML/JSON at all (one error, with line and column). */
  | { ok: false; unreadable: boolean; errors: FieldError[] };

export interface AppliedCampaign extends Partial<BroadcastReport> {
  campaignId: string;
  version: number;
  /** False when the document equals the latest version: nothing was written, nobody told. */
  created: boolean;
}

/** How far a campaign broadcast got within the request's wait. */
export interface BroadcastReport {
  /** Running debtor workflows that took the change, and those that refused or had ended. */
  debtors: { updated: number; skipped: number };
  /** The broadcast's workflow; not `done` when it goes on after the response (a large campaign). */
  broadcast: { workflowId: string; done: boolean };
}

export interface StoredCampaign {
  campaignId: string;
  version: number;
  latestVersion: number;
  name: string;
  paused: boolean;
  createdAt: Date;
  document: Campaign;
  /** How far the latest pause/resume and version broadcasts got; absent while Temporal cannot be asked. */
  broadcasts?: CampaignBroadcasts;
}

export interface CampaignRunState extends BroadcastReport {
  campaignId: string;
  paused: boolean;
}

/** Two applies racing for the same version number is rare; a handful of retries settles it. */
const maxApplyAttempts = 5;
/** How long a request waits for its campaign broadcast before answering with the progress so far. */
const broadcastWaitMs = 10_000;

/** A campaign document as text (YAML or JSON) or as data already parsed, checked field by field. */
export function validateCampaignDocument(document: string | object, format: CampaignDocumentFormat): CampaignDocumentValidation {
  const checked = checkOutreachDocument(document, format, (data) => {
    const campaign = validateCampaign(data);
    return campaign.ok ? { ok: true, document: campaign.campaign } : campaign;
  });
  return checked.ok ? { ok: true, campaign: checked.document } : checked;
}

/**
 * An outreach document (a campaign or a survey) read from its text when it is text, then checked
 * by the kind's validator; `unreadable` when it is not YAML/JSON at all (one error, with line and column).
 */
export function checkOutreachDocument<Document>(
  document: string | object,
  format: CampaignDocumentFormat,
  validate: (data: unknown) => { ok: true; document: Document } | { ok: false; errors: FieldError[] },
): { ok: true; document: Document } | { ok: false; unreadable: boolean; errors: FieldError[] } {
  let data: unknown = document;
  if (typeof document === 'string') {
    try {
      data = parseCampaignDocument(document, format);
    } catch (err) {
      if (!(err instanceof CampaignDocumentError)) throw err;
      return { ok: false, unreadable: true, errors: [{ path: '(document)', message: err.message }] };
    }
  }
  const checked = validate(data);
  return checked.ok ? checked : { ok: false, unreadable: false, errors: checked.errors };
}

/**
 * Saves the document as the campaign's next version and tells its running debtors. A document
 * equal to the latest version saves nothing and returns that version, so applying the same file
 * again (from CI, say) is harmless.
 */
export async function applyCampaign(deps: UseCaseDeps, document: string | object, format: CampaignDocumentFormat, actor: string): Promise<AppliedCampaign> {
  const checked = validateCampaignDocument(document, format);
  if (!checked.ok) throw campaignRejection(checked);
  // Stored as plain JSON, the form it reads back in, so "equal to the latest version" compares like with like.
  const campaign = JSON.parse(JSON.stringify(checked.campaign)) as Campaign;

  const { version, created } = await saveNextVersion(deps, campaign, actor);
  await deps.mongo.repositories.campaigns.advanceLatestVersion(campaign.id, version);
  // A first version has no debtors yet: they are imported into an applied campaign.
  if (!created || version === 1) return { campaignId: campaign.id, version, created };
  return { campaignId: campaign.id, version, created, ...(await broadcast(deps, campaign.id, { kind: 'version', version })) };
}

/** The latest version of a campaign, or the one asked for. */
export async function getCampaign(deps: UseCaseDeps, campaignId: string, version?: number): Promise<StoredCampaign> {
  const state = await campaignState(deps, campaignId);
  const wanted = version ?? state.latestVersion;
  const stored = await deps.mongo.repositories.campaigns.version(campaignId, wanted);
  if (!stored) throw new AppError('not_found', `campaign '${campaignId}' has no version ${wanted} (the latest is ${state.latestVersion})`, 404);
  if (isSurveyDocument(stored.document)) throw new AppError('not_found', `'${campaignId}' is a survey, not a collections campaign: GET /surveys/${campaignId}`, 404);
  // The document and the campaign's state live in the database: they are still shown while Temporal is down.
  const broadcasts = await deps.gateway.campaignBroadcasts(campaignId).catch(() => undefined);
  return {
    campaignId,
    version: stored.version,
    latestVersion: state.latestVersion,
    name: stored.name,
    paused: state.paused,
    createdAt: stored.createdAt,
    document: campaignSchema.parse(stored.document),
    ...(broadcasts ? { broadcasts } : {}),
  };
}

/** Stops contact for every running debtor of the campaign (and, while paused, the campaign takes no imports). */
export async function pauseCampaign(deps: UseCaseDeps, campaignId: string, actor: string): Promise<CampaignRunState> {
  return setPaused(deps, campaignId, { kind: 'pause', reason: 'campaign paused', actor });
}

/** Resumes contact for every running debtor the campaign's pause paused; an operator's own pause stays. */
export async function resumeCampaign(deps: UseCaseDeps, campaignId: string, actor: string): Promise<CampaignRunState> {
  return setPaused(deps, campaignId, { kind: 'resume', actor });
}

async function setPaused(deps: UseCaseDeps, campaignId: string, notice: Extract<CampaignNotice, { kind: 'pause' | 'resume' }>): Promise<CampaignRunState> {
  await campaignState(deps, campaignId);
  const paused = notice.kind === 'pause';
  // The flag first: an import that starts from now on sees it, and an older broadcast stops.
  await deps.mongo.repositories.campaigns.setPaused(campaignId, paused, notice.actor);
  return { campaignId, paused, ...(await broadcast(deps, campaignId, notice)) };
}

/** Tells the campaign's running people (its debtors, or a survey's respondents) of a change, waiting a little for the count. */
export async function broadcast(deps: UseCaseDeps, campaignId: string, notice: CampaignNotice): Promise<BroadcastReport> {
  const { workflowId, progress } = await deps.gateway.broadcastToCampaign(campaignId, notice, broadcastWaitMs);
  return { debtors: { updated: progress.updated, skipped: progress.skipped }, broadcast: { workflowId, done: progress.done } };
}

/** The campaign's state document; 404 when no version of it was ever applied. */
export async function campaignState(deps: UseCaseDeps, campaignId: string) {
  const state = await deps.mongo.repositories.campaigns.state(campaignId);
  if (!state) throw new AppError('not_found', `no campaign '${campaignId}': apply its document first`, 404);
  return state;
}

/**
 * Stores an outreach document (a collections campaign or a survey: one store, one id space) as its
 * next version, unless it equals the latest one.
 */
export async function saveNextVersion(deps: UseCaseDeps, document: { id: string; name: string; kind: string }, actor: string): Promise<{ version: number; created: boolean }> {
  const { campaigns } = deps.mongo.repositories;
  for (let attempt = 1; attempt <= maxApplyAttempts; attempt++) {
    const latest = await campaigns.highestVersion(document.id);
    const kindBefore = (latest?.document as { kind?: string } | undefined)?.kind;
    if (kindBefore !== undefined && kindBefore !== document.kind) {
      throw new AppError('conflict', `'${document.id}' is the id of a ${kindBefore} document: a ${document.kind} document needs another id`, 409, [{ path: 'id', message: `is taken by a ${kindBefore} document` }]);
    }
    if (latest && isDeepStrictEqual(latest.document, document)) return { version: latest.version, created: false };
    const version = (latest?.version ?? 0) + 1;
    // Not written: another apply took this number. Look again.
    if (await campaigns.insertVersion({ campaignId: document.id, version, name: document.name, document, appliedBy: actor })) return { version, created: true };
  }
  throw new AppError('conflict', `'${document.id}' kept changing while this document was applied; apply it again`, 409);
}

export function isSurveyDocument(document: unknown): boolean {
  return (document as { kind?: unknown } | null)?.kind === 'survey';
}

/** The error for a document that failed validation: 400 when it is not YAML/JSON at all, 422 when fields are wrong. */
export function campaignRejection(checked: { unreadable: boolean; errors: FieldError[] }): AppError {
  return checked.unreadable
    ? new AppError('malformed_document', checked.errors[0].message, 400, checked.errors)
    : new AppError('invalid_campaign', `the campaign document has ${checked.errors.length} problem(s)`, 422, checked.errors);
}
