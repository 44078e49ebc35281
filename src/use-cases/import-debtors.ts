import { AppError } from '../errors/app-error';
import type { Campaign } from '../campaigns/campaign-schema';
import { TemporalGateway } from '../temporal/gateway';
import type { DebtorProfile } from '../../workflows/debtor/debtor.messages';
import { getCampaign } from './campaigns';
import { debtorRowReader, readHeader } from './debtor-row';
import { storedProfile } from './debtors';
import { importRecords, readRecords, type ImportFile, type ImportOptions, type ImportRecord, type ImportReport } from './row-import';
import type { UseCaseDeps } from './use-case-deps';

/**
 * Imports a file of debtors into a campaign: each good row is stored once under its
 * (campaign, account) key and its workflow started on the campaign's latest version; each bad
 * row is reported with the column at fault. Importing the same file again starts nothing new.
 */
export async function importDebtors(deps: UseCaseDeps, campaignId: string, file: ImportFile, options: ImportOptions = {}): Promise<ImportReport> {
  const campaign = await getCampaign(deps, campaignId);
  // A paused campaign contacts nobody, and a new workflow cannot be started paused: the operator resumes first.
  if (campaign.paused) throw new AppError('campaign_paused', `campaign '${campaignId}' is paused: resume it before importing debtors`, 409);
  return importRecords(readDebtorRecords(file, campaign.document), (profile) => importDebtor(deps, campaignId, campaign.version, profile), options);
}

/** Each record of the file read into a profile, or the problems that reject it; nothing is stored. */
export function readDebtorRecords(file: ImportFile, campaign: Campaign): AsyncGenerator<ImportRecord<DebtorProfile>> {
  return readRecords(file, { header: readHeader, row: debtorRowReader(campaign) });
}

/** True when this row started the account's workflow; false when the account was imported before. */
async function importDebtor(deps: UseCaseDeps, campaignId: string, campaignVersion: number, profile: DebtorProfile): Promise<boolean> {
  const stored = await storeOnce(deps, campaignId, profile);
  // Started even when the document existed: an import cut short between the two steps is completed
  // by importing again, and the gateway starts nothing for a workflow that runs or has run.
  const { started } = await deps.gateway.startDebtor({ campaignId, campaignVersion, debtor: storedProfile(stored) });
  return started;
}

/** The debtor document, written only if the account is new: a repeated row keeps the first import's data. */
function storeOnce(deps: UseCaseDeps, campaignId: string, profile: DebtorProfile) {
  return deps.mongo.repositories.debtors.storeOnce({ ...profile, campaignId, workflowId: TemporalGateway.debtorWorkflowId(campaignId, profile.accountRef) });
}
