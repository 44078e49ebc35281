import type { Command } from 'commander';
import { reportFailure, type ApiClient } from '../api-client';
import type { AppliedCampaign } from '../../use-cases/campaigns';
import type { CampaignExperiments } from '../../experiments/experiment-report';
import { appliedSummary } from './document-file';

/** `parley experiment show CAMPAIGN` and `parley experiment stop CAMPAIGN EXPERIMENT ARM`, against a running service. */
export function experimentCommands(program: Command, api: () => ApiClient): void {
  const experiment = program.command('experiment').description("a campaign's script experiments (A/B tests), on the service at PARLEY_API_URL");
  experiment
    .command('show')
    .argument('<campaignId>', 'the campaign')
    .option('--json', 'print the results as JSON, as GET /campaigns/{id}/experiments answers')
    .description('per arm: people, right-party contacts, promises, kept promises, money collected and hand-offs, with 95% intervals and a significance verdict')
    .action(async (campaignId: string, options: { json?: boolean }) => {
      process.exitCode = await showExperiments(api(), campaignId, options.json === true);
    });
  experiment
    .command('stop')
    .argument('<campaignId>', 'the campaign')
    .argument('<experimentId>', 'the experiment')
    .argument('<armId>', 'the arm to stop')
    .description("stop an arm: a new campaign version; the arm's people move to the remaining arms at their next contact")
    .action(async (campaignId: string, experimentId: string, armId: string) => {
      const path = `/campaigns/${encodeURIComponent(campaignId)}/experiments/${encodeURIComponent(experimentId)}/arms/${encodeURIComponent(armId)}/stop`;
      const response = await api().sendText('POST', path, 'application/json', '{}');
      if (response.status !== 200) return void (process.exitCode = reportFailure(response));
      const applied = response.body as AppliedCampaign;
      process.stdout.write(`arm ${armId} of ${experimentId} stopped: campaign ${applied.campaignId} ${appliedSummary(applied, 'debtor', applied.debtors)}\n`);
    });
}

async function showExperiments(api: ApiClient, campaignId: string, json: boolean): Promise<number> {
  const response = await api.get(`/campaigns/${encodeURIComponent(campaignId)}/experiments`);
  if (response.status !== 200) return reportFailure(response);
  if (json) {
    process.stdout.write(`${JSON.stringify(response.body, null, 2)}\n`);
    return 0;
  }
  // Loaded when run: the statistics are no part of what `parley serve` needs to start.
  const { renderExperimentsTable } = await import('../../experiments/experiment-table.js');
  process.stdout.write(renderExperimentsTable(response.body as CampaignExperiments));
  return 0;
}
