import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { reportFailure, type ApiClient } from '../api-client';
import type { AppliedCampaign } from '../../use-cases/campaigns';
import { extensionOf, inputFileSize } from './input-file';

interface FieldError {
  path: string;
  message: string;
}

/** `parley campaign validate FILE` and `parley campaign apply FILE`, against a running service. */
export function campaignCommands(program: Command, api: () => ApiClient): void {
  const campaign = program.command('campaign').description('campaign documents, on the service at PARLEY_API_URL');
  campaign
    .command('validate')
    .argument('<file>', 'campaign document, YAML or JSON (.json)')
    .description('check a campaign document without saving it; exit code 2 names every problem')
    .action(async (file: string) => {
      process.exitCode = await validateCampaignFile(api(), file);
    });
  campaign
    .command('apply')
    .argument('<file>', 'campaign document, YAML or JSON (.json)')
    .description("save the document as the campaign's next version (nothing changes when it equals the latest)")
    .action(async (file: string) => {
      process.exitCode = await applyCampaignFile(api(), file);
    });
}

async function validateCampaignFile(api: ApiClient, file: string): Promise<number> {
  const document = await campaignDocument(file);
  if (!document) return 2;
  const response = await api.sendText('POST', '/campaigns/validate', document.contentType, document.text);
  if (response.status === 200) {
    process.stdout.write(`${file}: valid\n`);
    return 0;
  }
  if (response.status !== 422) return reportFailure(response);
  const { errors } = response.body as { errors: FieldError[] };
  process.stdout.write(`${file}: ${errors.length} problem${errors.length === 1 ? '' : 's'}\n${errors.map((e) => `  ${e.path}: ${e.message}\n`).join('')}`);
  return 2;
}

async function applyCampaignFile(api: ApiClient, file: string): Promise<number> {
  const document = await campaignDocument(file);
  if (!document) return 2;
  const response = await api.sendText('PUT', '/campaigns', document.contentType, document.text);
  if (response.status !== 200 && response.status !== 201) return reportFailure(response);
  const applied = response.body as AppliedCampaign;
  process.stdout.write(`campaign ${applied.campaignId}: ${appliedSummary(applied)}\n`);
  return 0;
}

function appliedSummary({ version, created, debtors, broadcast }: AppliedCampaign): string {
  if (!created) return `unchanged, version ${version} is the latest`;
  if (!debtors || !broadcast) return `version ${version} saved`;
  const told = `${debtors.updated} running debtor${debtors.updated === 1 ? '' : 's'} told${debtors.skipped ? ` (${debtors.skipped} had ended)` : ''}`;
  return `version ${version} saved; ${told}${broadcast.done ? '' : ` so far, the rest in the background (${broadcast.workflowId})`}`;
}

async function campaignDocument(file: string): Promise<{ contentType: string; text: string } | undefined> {
  if ((await inputFileSize(file)) === undefined) return undefined;
  return { contentType: extensionOf(file) === 'json' ? 'application/json' : 'application/yaml', text: await readFile(file, 'utf8') };
}
