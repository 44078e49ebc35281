import type { Command } from 'commander';
import { reportFailure, type ApiClient, type ApiResponse } from '../api-client';
import type { AppliedCampaign } from '../../use-cases/campaigns';
import type { CampaignExperiments } from '../../experiments/experiment-report';
import { appliedSummary } from './document-file';

/** `parley experiment show ID` and `parley experiment stop ID EXPERIMENT ARM`, for a campaign or a survey, against a running service. */
export function experimentCommands(program: Command, api: () => ApiClient): void {
  const experiment = program.command('experiment').description("a campaign's or survey's script experiments (A/B tests), on the service at PARLEY_API_URL");
  experiment
    .command('show')
    .argument('<id>', 'the campaign or survey')
    .option('--json', 'print the results as JSON, as GET /campaigns/{id}/experiments answers')
    .description('per arm: its people and outcomes (right-party contacts, promises, kept promises, money, hand-offs; for a survey response, completion and drop-off), with 95% intervals and a significance verdict')
    .action(async (id: string, options: { json?: boolean }) => {
      process.exitCode = await showExperiments(api(), id, options.json === true);
    });
  experiment
    .command('stop')
    .argument('<id>', 'the campaign or survey')
    .argument('<experimentId>', 'the experiment')
    .argument('<armId>', 'the arm to stop')
    .description("stop an arm: a new version; the arm's people move to the remaining arms at their next contact")
    .action(async (id: string, experimentId: string, armId: string) => {
      const path = `experiments/${encodeURIComponent(experimentId)}/arms/${encodeURIComponent(armId)}/stop`;
      const response = await either(id, (base) => api().sendText('POST', `${base}/${path}`, 'application/json', '{}'));
      if (response.status !== 200) return void (process.exitCode = reportFailure(response));
      const applied = response.body as AppliedCampaign & { surveyId?: string; respondents?: AppliedCampaign['debtors'] };
      const summary = applied.surveyId ? appliedSummary(applied, 'respondent', applied.respondents) : appliedSummary(applied, 'debtor', applied.debtors);
      process.stdout.write(`arm ${armId} of ${experimentId} stopped: ${applied.surveyId ? `survey ${applied.surveyId}` : `campaign ${applied.campaignId}`} ${summary}\n`);
    });
}

/** A campaign's route first; a survey's when the id names a survey (the campaign route says so with a 404). */
async function either(id: string, send: (base: string) => Promise<ApiResponse>): Promise<ApiResponse> {
  const asCampaign = await send(`/campaigns/${encodeURIComponent(id)}`);
  const isSurvey = asCampaign.status === 404 && /is a survey/.test(JSON.stringify(asCampaign.body));
  return isSurvey ? send(`/surveys/${encodeURIComponent(id)}`) : asCampaign;
}

async function showExperiments(api: ApiClient, id: string, json: boolean): Promise<number> {
  const response = await either(id, (base) => api.get(`${base}/experiments`));
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
