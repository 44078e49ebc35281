import path from 'node:path';
import { withEmbeddedServers, type Config, type EmbeddedDefaults, type ResolvedConfig } from '../../config/config';
import type { Logger } from '../../logging/logger';
import { startFerretDb, startTemporalDevServer } from '../../dev/local-servers';
import { loadOrCreateDevSecrets } from '../../dev/dev-secrets';
import { devSecretsFile, type DevSecrets } from '../../config/dev-secrets-file';
import { ensureDevAdminKey } from '../../dev/dev-admin-key';
import { claimDataDir, resetDataDir } from '../../dev/data-dir';
import { repoRoot } from '../../dev/child-process';
import { daytimeZone, runDemo } from '../../dev/demo';
import { runSurveyDemo } from '../../dev/survey-demo';
import { startTwilioSimulator, type TwilioSimulator } from '../../simulator';
import { startService } from '../../service/service';
import { devTemporalUiPrefix } from '../../http/access/route-access';
import { isLoopback } from '../../http/routes/dev-temporal-ui.routes';
import { onShutdownSignal } from '../shutdown';

/** The sender and caller id of the embedded Twilio (Twilio's magic test number). */
const embeddedServiceNumber = '+15005550006';

/** The demo runs on the embedded Twilio simulator only, unless DEV_DEMO=false. */
export function demoRuns(config: Config): boolean {
  return config.dev.demo && !config.twilio.accountSid;
}

/** Where `parley dev` logs while its demo runs. */
export function devLogFile(dataDir: string): string {
  return path.join(dataDir, 'logs', 'parley.log');
}

interface Stoppable {
  name: string;
  stop(): Promise<void> | void;
}

/** What starting the embedded servers builds up: what to stop (in reverse), what they resolve to, what to print. */
interface DevStartup {
  config: Config;
  logDir: string;
  stops: Stoppable[];
  embedded: EmbeddedDefaults;
  /** The embedded Temporal Web UI's own origin, which the API serves under /temporal-ui. */
  temporalUiOrigin?: string;
  lines: string[];
}

/**
 * `parley dev`: the whole service on one machine. Starts the embedded Temporal dev server,
 * FerretDB and the Twilio simulator unless TEMPORAL_ADDRESS / MONGODB_URI / TWILIO_ACCOUNT_SID
 * point elsewhere, then the worker and the API, prints where each listens, runs the demo
 * (DEV_DEMO=false skips it) and closes everything in order on Ctrl-C.
 */
export async function devCommand(config: Config, logger: Logger, options: { reset?: boolean } = {}): Promise<void> {
  if (options.reset) {
    const removed = resetDataDir(config.dataDir);
    process.stdout.write(`Reset ${config.dataDir}: ${removed.length ? `deleted ${removed.join(', ')}` : 'nothing to delete'}\n`);
  }
  if (!config.temporal.address || !config.mongo.uri) claimDataDir(config.dataDir);
  const stops: Stoppable[] = [];
  const shutdown = async () => {
    for (const part of stops.reverse()) {
      logger.info(`stopping ${part.name}`);
      await Promise.resolve(part.stop()).catch((err: unknown) => logger.error({ err }, `stopping ${part.name} failed`));
    }
  };
  onShutdownSignal(logger, shutdown);

  try {
    const secrets = loadOrCreateDevSecrets(config.dataDir);
    const startup: DevStartup = {
      config,
      logDir: path.join(config.dataDir, 'logs'),
      stops,
      embedded: {
        payments: { provider: 'demo', linkSecret: secrets.paymentLinkSecret, webhookSecret: secrets.paymentWebhookSecret },
        payloadKeys: secrets.payloadKeys,
      },
      lines: [],
    };
    await startTemporalUnlessExternal(startup);
    await startMongoUnlessExternal(startup);
    const simulator = await startSimulatorUnlessExternal(startup, secrets);

    const resolved = withEmbeddedServers(config, startup.embedded) as ResolvedConfig;
    const service = await startService(resolved, logger, { api: true, worker: true }, { temporalUiUrl: startup.temporalUiOrigin });
    stops.push({ name: 'worker and API', stop: service.stop });
    const adminKey = await ensureDevAdminKey(service.mongo.repositories, config.dataDir, secrets);
    startup.lines.push(
      `Worker                task queue "${resolved.temporal.taskQueue}" in namespace "${resolved.temporal.namespace}"`,
      `HTTP API              ${service.httpUrl}   (OpenAPI ${service.httpUrl}/openapi.json, health /healthz, readiness /readyz)`,
      `Console               ${config.http.publicBaseUrl}/console   (sign in with the admin key below)`,
      `Admin API key         ${adminKey}`,
      `                      kept as "adminApiKey" in ${devSecretsFile(config.dataDir)}   (bin/parley uses it; for curl: -H "Authorization: Bearer <key>")`,
    );
    if (demoRuns(config)) startup.lines.push(`Service log           ${devLogFile(config.dataDir)}   (warnings and errors also here)`);
    process.stdout.write(`\nParley is running. Ctrl-C stops everything.\n\n${startup.lines.map((l) => `  ${l}`).join('\n')}\n\n`);

    if (simulator && demoRuns(config)) {
      const print = (line: string) => process.stdout.write(`${line}\n`);
      const demo = await runDemo(service, simulator, print);
      stops.push({ name: 'demo', stop: demo.stop });
      const survey = await runSurveyDemo(service, simulator, daytimeZone(Date.now()), print);
      stops.push({ name: 'survey demo', stop: survey.stop });
    }
  } catch (err) {
    await shutdown();
    throw err;
  }
}

async function startTemporalUnlessExternal(startup: DevStartup): Promise<void> {
  const { config, logDir, stops, embedded, lines } = startup;
  if (config.temporal.address) {
    lines.push(`Temporal              ${config.temporal.address} (external)`);
    return;
  }
  const temporal = await startTemporalDevServer({
    port: config.temporal.devServer.port,
    uiPort: config.temporal.devServer.uiPort,
    uiCodecEndpoint: `${config.http.publicBaseUrl}/codec`,
    uiPublicPath: devTemporalUiPrefix,
    dbFile: path.join(config.dataDir, 'temporal', 'temporal.sqlite'),
    namespace: config.temporal.namespace,
    logDir,
  });
  stops.push({ name: 'Temporal dev server', stop: temporal.stop });
  embedded.temporalAddress = temporal.address;
  lines.push(`Temporal dev server   ${temporal.address}   (log ${temporal.logFile})`);
  const base = config.http.publicBaseUrl;
  if (!isLoopback(base)) {
    lines.push(`Temporal Web UI       ${temporal.uiUrl}   (payloads are encrypted; PUBLIC_BASE_URL is not local, so its codec at ${base}/codec needs the UI's own sign-in)`);
    return;
  }
  startup.temporalUiOrigin = `http://127.0.0.1:${config.temporal.devServer.uiPort}`;
  const workflows = `${devTemporalUiPrefix}/namespaces/${config.temporal.namespace}/workflows`;
  lines.push(
    `Temporal Web UI       ${base}${workflows}   (payloads are encrypted: sign in first to read them)`,
    `  sign in             ${base}/codec/sign-in?next=${encodeURIComponent(workflows)}   (an auditor's or admin's key, e.g. adminApiKey below)`,
  );
}

async function startMongoUnlessExternal({ config, logDir, stops, embedded, lines }: DevStartup): Promise<void> {
  if (config.mongo.uri) {
    lines.push(`MongoDB               external (MONGODB_URI)`);
    return;
  }
  const mongo = await startFerretDb({ port: config.mongo.ferretDbPort, stateDir: path.join(config.dataDir, 'ferretdb'), logDir });
  stops.push({ name: 'FerretDB', stop: mongo.stop });
  embedded.mongoUri = mongo.uri;
  lines.push(`MongoDB (FerretDB)    ${mongo.uri}${config.mongo.database}   on PostgreSQL in ${path.join(config.dataDir, 'postgres')}   (log ${mongo.logFile})`);
}

async function startSimulatorUnlessExternal({ config, stops, embedded, lines }: DevStartup, secrets: DevSecrets): Promise<TwilioSimulator | undefined> {
  if (config.twilio.accountSid) {
    lines.push(`Twilio                ${config.twilio.apiBaseUrl ?? 'api.twilio.com'} (account ${config.twilio.accountSid})`);
    return undefined;
  }
  const simulator = await startTwilioSimulator({
    port: config.dev.simulatorPort,
    accounts: [{ sid: secrets.twilioAccountSid, authToken: secrets.twilioAuthToken }],
    phoneNumbers: [{ phoneNumber: embeddedServiceNumber, smsUrl: `${config.http.publicBaseUrl}/webhooks/twilio/sms` }],
    delayScale: config.dev.simulatorDelayScale,
    callsPerSecond: config.twilio.callsPerSecond,
    personaDir: path.join(repoRoot, 'personas'),
  });
  stops.push({ name: 'Twilio simulator', stop: simulator.close });
  embedded.twilio = { accountSid: secrets.twilioAccountSid, authToken: secrets.twilioAuthToken, apiBaseUrl: simulator.url, fromNumber: embeddedServiceNumber };
  lines.push(`Twilio (simulator)    ${simulator.url}   (calls ${simulator.url}/_sim/calls, texts ${simulator.url}/_sim/messages)`);
  return simulator;
}
