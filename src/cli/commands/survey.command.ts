import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Survey } from '../../surveys/survey-schema';
import { extensionOf, inputFileSize } from './input-file';

/**
 * `parley survey validate FILE`, on this machine: surveys have no API yet, so no service is needed.
 * `apply` waits for the survey store.
 */
export function surveyCommands(program: Command): void {
  const survey = program.command('survey').description('survey documents (running surveys is not built yet)');
  survey
    .command('validate')
    .argument('<file>', 'survey document, YAML or JSON (.json)')
    .description('check a survey document; exit code 2 names every problem')
    .action(async (file: string) => {
      process.exitCode = await validateSurveyFile(file);
    });
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
  if (validation.ok) {
    process.stdout.write(`${file}: valid, ${summary(validation.survey)}\n`);
    return 0;
  }
  const { errors } = validation;
  process.stdout.write(`${file}: ${errors.length} problem${errors.length === 1 ? '' : 's'}\n${errors.map((e) => `  ${e.path}: ${e.message}\n`).join('')}`);
  return 2;
}

function summary({ id, languages, questions, cadence }: Survey): string {
  const steps = cadence.steps.map((step) => step.channel).join(', then ');
  return `survey '${id}': ${questions.length} question${questions.length === 1 ? '' : 's'} in ${languages.join(', ')}; contact by ${steps}`;
}
