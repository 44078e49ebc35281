import { AppError } from '../errors/app-error';
import type { OutreachKind, VersionRow } from '../adapters/mongo/repositories/outreach-list.repository';
import { diffDocuments } from '../campaigns/document-diff';
import { terminalOutcomes } from '../../workflows/debtor/debtor.messages';
import { respondentOutcomes } from '../../workflows/respondent/respondent.messages';
import type { UseCaseDeps } from './use-case-deps';
import type { BroadcastsView, OutreachPage, VersionDiff, VersionHistory } from './outreach-views';

// Campaigns and surveys as a person reviewing them reads them: the list of each kind, a
// document's version history and what changed between two versions, and how far the latest
// pause or resume has reached its running people.

export type { OutreachKind } from '../adapters/mongo/repositories/outreach-list.repository';

const endedStatuses: Record<OutreachKind, readonly string[]> = { campaign: terminalOutcomes, survey: respondentOutcomes };

/** A page of one kind's documents, in id order, with how many people each has. */
export async function listOutreach(deps: UseCaseDeps, kind: OutreachKind, query: { after?: string; limit: number }): Promise<OutreachPage> {
  const { outreachLists } = deps.mongo.repositories;
  // One more than asked: whether it comes tells if there is a next page.
  const found = await outreachLists.page(kind, { after: query.after, limit: query.limit + 1 });
  const shown = found.slice(0, query.limit);
  const items = await Promise.all(
    shown.map(async (row) => ({
      id: row.campaignId,
      name: row.name,
      latestVersion: row.latestVersion,
      paused: row.paused,
      updatedAt: row.updatedAt,
      people: await outreachLists.people(kind, row.campaignId, endedStatuses[kind]),
    })),
  );
  return { items, ...(found.length > query.limit ? { next: shown[shown.length - 1].campaignId } : {}) };
}

/** A document's versions, newest first: when each was applied and by whom (when that was recorded). */
export async function versionHistory(deps: UseCaseDeps, kind: OutreachKind, id: string, query: { before?: number; limit: number }): Promise<VersionHistory> {
  const state = await outreachState(deps, kind, id);
  const found = await deps.mongo.repositories.outreachLists.versions(id, { before: query.before, limit: query.limit + 1 });
  const versions = found.slice(0, query.limit).map(versionEntry);
  return { id, latestVersion: state.latestVersion, versions, ...(found.length > query.limit ? { next: versions[versions.length - 1].version } : {}) };
}

/** What changed from version `from` to version `to` (either may be the older), path by path. */
export async function versionDiff(deps: UseCaseDeps, kind: OutreachKind, id: string, from: number, to: number): Promise<VersionDiff> {
  const state = await outreachState(deps, kind, id);
  const [before, after] = await Promise.all([storedVersion(deps, kind, id, from, state.latestVersion, 'from'), storedVersion(deps, kind, id, to, state.latestVersion, 'to')]);
  return { id, from, to, changes: diffDocuments(before, after) };
}

/** Whether the document is paused, and how far its latest pause or resume (and new version) got. */
export async function broadcastsOf(deps: UseCaseDeps, kind: OutreachKind, id: string): Promise<BroadcastsView> {
  const state = await outreachState(deps, kind, id);
  const [people, broadcasts] = await Promise.all([
    deps.mongo.repositories.outreachLists.people(kind, id, endedStatuses[kind]),
    // The flag and the counts live in the database: they are still shown while Temporal is down.
    deps.gateway.campaignBroadcasts(id).catch(() => undefined),
  ]);
  return { id, paused: state.paused, people, ...(broadcasts ? { broadcasts } : {}) };
}

function versionEntry(row: VersionRow): VersionHistory['versions'][number] {
  return { version: row.version, name: row.name, createdAt: row.createdAt, ...(row.appliedBy ? { appliedBy: row.appliedBy } : {}) };
}

/** The document's state; 404 when no version was applied, or when the id is the other kind's. */
async function outreachState(deps: UseCaseDeps, kind: OutreachKind, id: string) {
  const { campaigns, outreachLists } = deps.mongo.repositories;
  const [state, found] = await Promise.all([campaigns.state(id), outreachLists.kindOf(id)]);
  if (!state || !found) throw new AppError('not_found', `no ${kind} '${id}': apply its document first`, 404);
  if (found !== kind) throw new AppError('not_found', `'${id}' is a ${found}, not a ${kind}: GET /${found}s/${id}`, 404);
  return state;
}

async function storedVersion(deps: UseCaseDeps, kind: OutreachKind, id: string, version: number, latest: number, field: string): Promise<unknown> {
  const stored = await deps.mongo.repositories.campaigns.version(id, version);
  if (!stored) throw new AppError('not_found', `${kind} '${id}' has no version ${version} (the latest is ${latest})`, 404, [{ path: field, message: `is not a version of '${id}'` }]);
  return stored.document;
}
