import { Command } from 'commander';
import { ConfigError, loadConfig } from '../config/config';
import { createLogger } from '../logging/logger';
import { serveCommand } from './commands/serve.command';
import { doctorCommand } from './commands/doctor.command';
import { ApiClient } from './api-client';
import { campaignCommands } from './commands/campaign.command';
import { experimentCommands } from './commands/experiment.command';
import { importCommand } from './commands/import.command';
import { debtorCommands } from './commands/debtor.command';
import { surveyCommands } from './commands/survey.command';
import { keysCommands } from './commands/keys.command';
import { auditCommands } from './commands/audit.command';
import { eraseCommands } from './commands/erase.command';
import { readDevSecrets } from '../config/dev-secrets-file';

// Exit codes: 0 ok, 1 the command failed, 2 bad configuration or bad input.

if (typeof process.loadEnvFile === 'function') {
  try {
    process.loadEnvFile('.env');
  } catch {
    // No .env file: the environment alone configures Parley.
  }
}

const program = new Command('parley').description('Collections and survey outreach by phone and text.').showHelpAfterError();

function config() {
  return loadConfig(process.env);
}

program
  .command('dev')
  .description('run the whole service with embedded Temporal and FerretDB (unless configured otherwise)')
  .option('--reset', `delete the embedded servers' data in DATA_DIR first (a fresh start)`)
  .action(async (opts: { reset?: boolean }) => {
    // Loaded only when run: it brings the embedded servers and the Twilio simulator, which `parley serve`
    // never needs (test/unit/cli/serve-module-graph.test.ts). A dynamic import names the file as ESM does.
    const { demoRuns, devCommand, devLogFile } = await import('./commands/dev.command.js');
    const c = config();
    // With the demo telling its story on the terminal, the service's log goes to a file (warnings to both).
    await devCommand(c, demoRuns(c) ? createLogger(c.logLevel, { file: devLogFile(c.dataDir) }) : createLogger(c.logLevel), opts);
  });

program
  .command('serve')
  .description('run the API and/or worker against external Temporal and MongoDB')
  .option('--no-api', 'do not serve HTTP')
  .option('--no-worker', 'do not run a worker')
  .action(async (opts: { api: boolean; worker: boolean }) => {
    const c = config();
    await serveCommand(c, createLogger(c.logLevel), opts);
  });

program
  .command('sim')
  .description('run the local Twilio simulator on its own (for load tests); configured by SIM_* variables, see src/simulator/main.ts')
  .action(async () => {
    // The simulator's entry point starts it as it is loaded (and only then, like `dev`).
    await import('../simulator/main.js');
  });

program
  .command('doctor')
  .description('check end to end that a worker runs workflows and writes to the database')
  .action(async () => doctorCommand(config()));

keysCommands(program, config);

// Commands that work on a running service, through its HTTP API.
// Under `parley dev`, the admin key it made serves when PARLEY_API_KEY is unset.
const api = () => {
  const c = config();
  return new ApiClient(c.cli.apiUrl, c.cli.apiKey ?? readDevSecrets(c.dataDir)?.adminApiKey);
};
campaignCommands(program, api);
experimentCommands(program, api);
importCommand(program, api);
debtorCommands(program, api);
// `survey validate` works on a local file alone; the others on the service.
surveyCommands(program, api);
auditCommands(program, config, api);
eraseCommands(program, api);

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`parley: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
