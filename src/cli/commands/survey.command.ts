import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { ApiClient } from '../api-client';
import type { Survey } from '../../surveys/survey-schema';
import { importFile } from './import.command';
import { surveyResultsCommand } from './survey-results.command';
import { appliedSummary, applyDocumentFile, printProblems } from './document-file';
import type { AppliedSurvey } from '../../use-cases/surveys';
import { extensionOf, inputFileSize } from './input-file';

/**
 * `parley survey validate FILE` on this machine (no service needed); `survey apply FILE` and
 * `survey import FILE --survey ID` on the service at PARLEY_API_URL.
 */
export function surveyCommands(program: Command, api: () => ApiClient): void {
  const survey = program.command('survey').description('survey documents and respondents: validate here, apply and import on the service at PARLEY_API_URL');
  survey
    .command('validate')
    .argument('<file>', 'survey document, YAML or JSON (.json)')
    .description('check a survey document; exit code 2 names every problem')
    .action(async (file: string) => {
      process.exitCode = await validateSurveyFile(file);
    });
  survey
    .command('apply')
    .argument('<file>', 'survey document, YAML or JSON (.json)')
    .description("save the document as the survey's next version (nothing changes when it equals the latest); exit code 2 names every problem")
    .action(async (file: string) => {
      process.exitCode = await applyDocumentFile(api(), file, '/surveys', (applied: AppliedSurvey) => `survey ${applied.surveyId}: ${appliedSummary(applied, 'respondent', applied.respondents)}`);
    });
  survey
    .command('import')
    .argument('<file>', "respondents: CSV with a header line, a JSON array, or NDJSON; columns respondent_ref, phone, time_zone, language, first_name, artificial_voice_consent and the survey's hidden fields")
    .requiredOption('--survey <id>', 'the survey to import into')
    .option('--format <format>', 'csv, json or ndjson (default: from the file extension)')
    .description("import respondents and start each one's survey; exit code 2 when any row was rejected")
    .action(async (file: string, options: { survey: string; format?: string }) => {
      process.exitCode = await importFile(api(), file, `/surveys/${encodeURIComponent(options.survey)}/respondents`, options.format);
    });
  surveyResultsCommand(survey, api);
}

async function validateSurveyFile(file: string): Promise<number> {
  if ((await inputFileSize(file)) === undefined) return 2;
  // Loaded when run: the survey schema is no part of what `parley serve` needs to start.
  const [{ CampaignDocumentError, parseCampaignDocument }, { validateSurvey }] = await Promise.all([
    import('../../campaigns/campaign-document.js'),
    import('../../surveys/survey-validation.js'),
  ]);
  let document: unknown;
  try {
    document = parseCampaignDocument(await readFile(file, 'utf8'), extensionOf(file) === 'json' ? 'json' : 'yaml');
  } catch (err) {
    if (!(err instanceof CampaignDocumentError)) throw err;
    process.stderr.write(`parley: ${file}: ${err.message}\n`);
    return 2;
  }
  const validation = validateSurvey(document);
  if (!validation.ok) return printProblems(file, validation.errors);
  process.stdout.write(`${file}: valid, ${summary(validation.survey)}\n`);
  return 0;
}

function summary({ id, languages, questions, cadence }: Survey): string {
  const steps = cadence.steps.map((step) => step.channel).join(', then ');
  return `survey '${id}': ${questions.length} question${questions.length === 1 ? '' : 's'} in ${languages.join(', ')}; contact by ${steps}`;
}

