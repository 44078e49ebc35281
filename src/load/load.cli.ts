import path from 'node:path';
import { Argument, Command, InvalidArgumentError, Option } from 'commander';
import { readDuration } from '../campaigns/campaign-notation';
import { repoRoot } from '../dev/child-process';
import { callsScenario } from './calls.scenario';
import { defaultFaultPlan } from './faults';
import { importScenario } from './import.scenario';
import { machine, printTable, writeSummary } from './report';
import type { Checks, ScenarioContext, ScenarioResult } from './scenario';
import { sleepersScenario } from './sleepers.scenario';
import { consoleScenario } from './console.scenario';
import { connectExternalStack } from './external-stack';
import { startStack, type LoadStack } from './stack';

// `npm run load -- <scenario> [options]`: the load and fault harness (see src/load/*.scenario.ts).

interface Options {
  rows: number;
  calls: number;
  debtors: number;
  batches: number;
  loads: number;
  people: number;
  firstContactAfter?: string;
  stopAtRssMib?: number;
  workerHeapMib?: number;
  startVia: 'import' | 'client';
  temporalStore: 'file' | 'memory';
  turnEvery: number;
  smsPerSecond: number;
  callsPerSecond: number;
  delayScale?: number;
  faults: boolean;
  killEvery: number;
  timeout: number;
  out?: string;
  externalApi?: string;
  externalTemporal?: string;
  simulatorListen: string;
}

const positive = (value: string) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a positive number');
  return n;
};
const count = (value: string) => Math.floor(positive(value));
const isoDuration = (value: string) => {
  if (readDuration(value) === null) throw new InvalidArgumentError("expected an ISO 8601 duration like 'P2D' or 'PT6H'");
  return value;
};

const program = new Command('npm run load --')
  .description('Drives the real service (API and worker as child processes) on the embedded servers, prints a table and writes a JSON summary.')
  .addArgument(new Argument('<scenario>', 'import | calls | sleepers | console').choices(['import', 'calls', 'sleepers', 'console']))
  .option('--rows <n>', 'import: debtors to import', count, 10_000)
  .option('--calls <n>', 'calls: concurrent calls', count, 500)
  .option('--debtors <n>', 'sleepers, console: debtors asleep between steps', count, 2_000)
  .option('--loads <n>', "console: loads of each page per round", count, 50)
  .option('--people <n>', 'console: people loading pages at once in the second round', count, 4)
  .option('--batches <n>', 'sleepers: imports of equal size, with the worker RSS read after each', count, 4)
  .option('--first-contact-after <duration>', 'sleepers: ISO 8601 duration before the first contact (e.g. P2D), so debtors fall asleep without a text', isoDuration)
  .option('--stop-at-rss-mib <n>', 'sleepers: import no further batch once the worker RSS passes this', count)
  .addOption(new Option('--start-via <way>', 'sleepers: `import` runs parley import; `client` starts the workflows through the Temporal client, without the import\'s database writes').choices(['import', 'client']).default('import'))
  .addOption(new Option('--temporal-store <store>', "the dev server's store: `file` (SQLite, survives restarts) or `memory` (faster; not with --faults)").choices(['file', 'memory']).default('file'))
  .option('--worker-heap-mib <n>', "V8 heap limit of the worker process (--max-old-space-size); the SDK's default workflow cache follows it", count)
  .option('--turn-every <seconds>', 'calls: seconds between one caller\'s turns (about)', positive, 8)
  .option('--sms-per-second <n>', 'TWILIO_SMS_PER_SECOND of the service', positive, 200)
  .option('--calls-per-second <n>', 'TWILIO_CALLS_PER_SECOND of the service and the simulated account', positive, 100)
  .addOption(new Option('--delay-scale <x>', "the simulator's clock (1 real time; default 10 for calls so its ring timeout outlasts the turns, else 1)").argParser(positive))
  .option('--faults', 'SIGKILL the worker every --kill-every seconds (20 times), restart Temporal and the database 3 times each, deliver every webhook 3 times', false)
  .option('--kill-every <seconds>', 'with --faults: seconds between worker kills', positive, defaultFaultPlan.killEverySeconds)
  .option('--timeout <seconds>', 'how long to wait for the work to be done before reporting what is missing', positive, 900)
  .option('--out <file>', 'also write the JSON summary here')
  .option('--external-api <url>', "drive a stack started elsewhere (docker compose): its API as its webhooks are signed (PUBLIC_BASE_URL); needs --external-temporal, and TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN as the stack's")
  .option('--external-temporal <address>', "with --external-api: the stack's Temporal frontend (host:port)")
  .option('--simulator-listen <host:port>', "with --external-api: where the Twilio simulator listens for the stack (its TWILIO_API_BASE_URL)", '0.0.0.0:4010')
  // Bad arguments exit 2, as the parley CLI's do; help and version exit 0.
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
  .action(async (scenario: string, options: Options) => {
    process.exitCode = await run(scenario as Scenario, options);
  });

type Scenario = 'import' | 'calls' | 'sleepers' | 'console';

async function run(scenario: Scenario, options: Options): Promise<number> {
  const refused = externalRefusal(scenario, options) ?? storeRefusal(options);
  if (refused) {
    process.stderr.write(`load: ${refused}\n`);
    return 2;
  }
  const runId = `${scenario}-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  const runDir = path.join(repoRoot, '.data', 'load', runId);
  const note = (line: string) => process.stderr.write(`\n${line}\n`);
  note(`load run ${runId}: starting the Temporal dev server, FerretDB, the Twilio simulator, the API and the worker (logs in ${runDir}/logs)`);
  const started = Date.now();
  let stack: LoadStack | undefined;
  const interrupted = async () => {
    note('interrupted: stopping everything');
    await stack?.stop();
    process.exit(130);
  };
  process.once('SIGINT', () => void interrupted());
  process.once('SIGTERM', () => void interrupted());
  try {
    stack = await openStack(scenario, options, runDir);
    const context: ScenarioContext = {
      stack,
      runId,
      timeoutMs: options.timeout * 1000,
      note,
      ...(options.faults ? { faultPlan: { ...defaultFaultPlan, killEverySeconds: options.killEvery } } : {}),
    };
    const result = await runScenario(scenario, context, options);
    printTable(result.title, result.rows);
    const summaryFile = path.join(runDir, 'summary.json');
    writeSummary(
      {
        scenario,
        runId,
        date: new Date(started).toISOString(),
        durationMs: Date.now() - started,
        machine: machine(),
        options,
        workerSettings: Object.fromEntries(Object.entries(process.env).filter(([key]) => key.startsWith('WORKER_'))),
        ...result.summary,
      },
      [summaryFile, ...(options.out ? [options.out] : [])],
    );
    process.stdout.write(`summary: ${summaryFile}${options.out ? ` and ${options.out}` : ''}\n`);
    return failedChecks(result.summary.checks as Checks) ? 3 : 0;
  } finally {
    await stack?.stop();
  }
}

function openStack(scenario: string, options: Options, runDir: string): Promise<LoadStack> {
  const delayScale = options.delayScale ?? (scenario === 'calls' ? 10 : 1);
  if (options.externalApi && options.externalTemporal) {
    const [host, port] = splitHostPort(options.simulatorListen);
    return connectExternalStack({
      runDir,
      apiUrl: options.externalApi,
      temporalAddress: options.externalTemporal,
      simulatorHost: host,
      simulatorPort: port,
      account: { sid: process.env.TWILIO_ACCOUNT_SID ?? '', authToken: process.env.TWILIO_AUTH_TOKEN ?? '' },
      callsPerSecond: options.callsPerSecond,
      delayScale,
    });
  }
  return startStack({
    runDir,
    smsPerSecond: options.smsPerSecond,
    callsPerSecond: options.callsPerSecond,
    webhookRepeat: options.faults ? 3 : 1,
    delayScale,
    ...(options.workerHeapMib ? { workerHeapMiB: options.workerHeapMib } : {}),
    temporalInMemory: options.temporalStore === 'memory',
  });
}

/** Why an external run cannot go ahead, if it cannot. */
function externalRefusal(scenario: string, options: Options): string | undefined {
  if (!options.externalApi && !options.externalTemporal) return undefined;
  if (!options.externalApi || !options.externalTemporal) return '--external-api and --external-temporal go together';
  if (options.temporalStore === 'memory') return '--temporal-store memory is for the dev server the harness starts itself';
  if (options.faults || scenario === 'sleepers' || scenario === 'console') return '--faults, sleepers and console kill, measure or wait on processes the harness starts itself: run them without --external-api';
  if (!/^AC[0-9a-f]{32}$/.test(process.env.TWILIO_ACCOUNT_SID ?? '') || !process.env.TWILIO_AUTH_TOKEN) {
    return "TWILIO_ACCOUNT_SID (AC + 32 hex digits) and TWILIO_AUTH_TOKEN must be set to the stack's own, so the simulator accepts its requests";
  }
  if (!/^[^:]+:\d+$/.test(options.simulatorListen)) return `--simulator-listen: '${options.simulatorListen}' is not host:port`;
  return undefined;
}

function storeRefusal(options: Options): string | undefined {
  if (options.faults && options.temporalStore === 'memory') return '--faults restarts the Temporal dev server, which loses an in-memory store: use --temporal-store file';
  return undefined;
}

function splitHostPort(hostPort: string): [string, number] {
  const at = hostPort.lastIndexOf(':');
  return [hostPort.slice(0, at), Number(hostPort.slice(at + 1))];
}

function runScenario(scenario: Scenario, context: ScenarioContext, options: Options): Promise<ScenarioResult> {
  switch (scenario) {
    case 'import':
      return importScenario(context, options.rows);
    case 'calls':
      return callsScenario(context, options.calls, options.turnEvery);
    case 'console':
      return consoleScenario(context, { debtors: options.debtors, loads: options.loads, people: options.people });
    case 'sleepers':
      return sleepersScenario(context, {
        debtors: options.debtors,
        batches: options.batches,
        startVia: options.startVia,
        ...(options.firstContactAfter ? { firstContactAfter: options.firstContactAfter } : {}),
        ...(options.stopAtRssMib ? { stopAtRssMiB: options.stopAtRssMib } : {}),
      });
  }
}

/** Exit code 3 when any check that should be 0 is not. */
function failedChecks(checks: Checks): boolean {
  const { duplicateTexts, duplicateCalls, endStates, serviceCrashes } = checks;
  return duplicateTexts.count + duplicateCalls.count + endStates.lost + endStates.notInExpectedState + endStates.stuck + serviceCrashes.api + serviceCrashes.worker > 0;
}

program.parseAsync(process.argv).then(
  () => process.exit(),
  (err: unknown) => {
    process.stderr.write(`load: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
