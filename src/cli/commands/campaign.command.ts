import type { Command } from 'commander';
import { reportFailure, type ApiClient } from '../api-client';
import type { AppliedCampaign } from '../../use-cases/campaigns';
import { appliedSummary, applyDocumentFile, documentFile, printProblems } from './document-file';

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
      process.exitCode = await applyDocumentFile(api(), file, '/campaigns', (applied: AppliedCampaign) => `campaign ${applied.campaignId}: ${appliedSummary(applied, 'debtor', applied.debtors)}`);
    });
}

async function validateCampaignFile(api: ApiClient, file: string): Promise<number> {
  const document = await documentFile(file);
  if (!document) return 2;
  const response = await api.sendText('POST', '/campaigns/validate', document.contentType, document.text);
  if (response.status === 200) {
    process.stdout.write(`${file}: valid\n`);
    return 0;
  }
  if (response.status !== 422) return reportFailure(response);
  return printProblems(file, (response.body as { errors: FieldError[] }).errors);
}

