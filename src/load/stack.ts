import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { freePort, repoRoot } from '../dev/child-process';
import { startFerretDb, startTemporalDevServer, type LocalMongo, type LocalTemporal } from '../dev/local-servers';
import { startTwilioSimulator, type TwilioSimulator } from '../simulator';
import { connectMongo } from '../adapters/mongo/connection';
import { createApiKey } from '../auth/api-keys';
import { startServiceProcess, waitFor, type ServiceProcess, type ServiceRole } from './service-process';

// The whole service on the embedded servers, each in its own process, in .data/load/<run>/: the
// Temporal dev server (its state in a file, so it survives a restart), FerretDB, the Twilio
// simulator (in this process, so its ledger can be read as it fills), then the API and the worker
// as `parley serve` children. A child that dies without being told to is counted and restarted.

export const serviceNumber = '+15005550006';
/** The service's main task queue in a load run (TEMPORAL_TASK_QUEUE of its processes). */
export const taskQueue = 'parley';

export interface StackOptions {
  runDir: string;
  smsPerSecond: number;
  callsPerSecond: number;
  /** Copies of each simulator webhook (3 in a fault run). */
  webhookRepeat: number;
  /** The simulator's clock: 1 is real time. */
  delayScale: number;
  /** V8's heap limit for the worker process (--max-old-space-size); the SDK sizes its workflow cache from it. */
  workerHeapMiB?: number;
  /** The dev server's in-memory store instead of its SQLite file: faster, and gone when it stops. */
  temporalInMemory?: boolean;
}

export interface LoadStack {
  readonly runDir: string;
  readonly apiUrl: string;
  readonly simulator: TwilioSimulator;
  readonly temporal: Client;
  readonly twilioAuthToken: string;
  /** The environment the service children get: the CLI children (import) use it too. */
  readonly env: Record<string, string>;
  /** Unplanned exits of the API and the worker, by role. */
  readonly crashes: Record<ServiceRole, number>;
  workerRssKiB(): number | undefined;
  /** CPU time the worker process has used (user + system), in ms. */
  workerCpuMs(): number | undefined;
  /** SIGKILLs the worker and starts a new one at once (the restart is not awaited until ready). */
  killWorker(): Promise<void>;
  restartTemporal(): Promise<void>;
  restartDatabase(): Promise<void>;
  stop(): Promise<void>;
}

export async function startStack(options: StackOptions): Promise<LoadStack> {
  const logDir = path.join(options.runDir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const stops: Array<() => Promise<unknown>> = [];
  try {
    const [temporalPort, mongoPort, httpPort] = await Promise.all([freePort(), freePort(), freePort()]);
    const dbFile = options.temporalInMemory ? {} : { dbFile: path.join(options.runDir, 'temporal', 'temporal.sqlite') };
    const temporalOptions = { port: temporalPort, ...dbFile, logDir };
    const mongoOptions = { port: mongoPort, stateDir: path.join(options.runDir, 'ferretdb'), logDir };
    let temporalServer: LocalTemporal = await startTemporalDevServer(temporalOptions);
    stops.unshift(() => temporalServer.stop());
    let mongo: LocalMongo = await startFerretDb(mongoOptions);
    stops.unshift(() => mongo.stop());

    const account = { sid: `AC${randomBytes(16).toString('hex')}`, authToken: randomBytes(16).toString('hex') };
    const publicBaseUrl = `http://127.0.0.1:${httpPort}`;
    const simulator = await startTwilioSimulator({
      accounts: [account],
      phoneNumbers: [{ phoneNumber: serviceNumber, smsUrl: `${publicBaseUrl}/webhooks/twilio/sms` }],
      delayScale: options.delayScale,
      callsPerSecond: options.callsPerSecond,
      webhookRepeat: options.webhookRepeat,
      personaDir: path.join(repoRoot, 'personas'),
    });
    stops.unshift(() => simulator.close());

    const env = serviceEnv(options, { httpPort, temporalAddress: temporalServer.address, mongoUri: mongo.uri, simulatorUrl: simulator.url, account });
    env.PARLEY_API_KEY = await harnessApiKey(mongo.uri, env.MONGODB_DATABASE);

    const connection = await Connection.connect({ address: temporalServer.address });
    stops.unshift(() => connection.close());
    const temporal = new Client({ connection });

    const workerEnv: Record<string, string> = options.workerHeapMiB ? { NODE_OPTIONS: `--max-old-space-size=${options.workerHeapMiB}` } : {};
    const services = new ServiceSupervisor(env, workerEnv, logDir);
    stops.unshift(() => services.stopAll());
    const api = services.launch('api');
    const worker = services.launch('worker');
    await waitFor('the API', async () => (await fetch(`${publicBaseUrl}/readyz`)).ok, { exited: api.exited });
    await waitFor('the worker', () => isPolling(temporal, worker.pid), { exited: worker.exited });

    return {
      runDir: options.runDir,
      apiUrl: publicBaseUrl,
      simulator,
      temporal,
      twilioAuthToken: account.authToken,
      env,
      crashes: services.crashes,
      workerRssKiB: () => services.running('worker')?.rssKiB(),
      workerCpuMs: () => services.running('worker')?.cpuMs(),
      async killWorker() {
        const old = services.running('worker');
        const next = services.launch('worker');
        old?.kill('SIGKILL');
        await old?.exited;
        await waitFor('the restarted worker', () => isPolling(temporal, next.pid), { exited: next.exited }).catch(() => undefined);
      },
      async restartTemporal() {
        await temporalServer.stop();
        temporalServer = await startTemporalDevServer(temporalOptions);
      },
      async restartDatabase() {
        await mongo.stop();
        mongo = await startFerretDb(mongoOptions);
      },
      async stop() {
        for (const stop of stops) await stop().catch((err: unknown) => process.stderr.write(`stopping: ${String(err)}\n`));
      },
    };
  } catch (err) {
    for (const stop of stops) await stop().catch(() => undefined);
    throw err;
  }
}

/** The admin key `parley import` sends, made on the stack's own database as an operator would with `parley keys create`. */
async function harnessApiKey(mongoUri: string, database: string): Promise<string> {
  const mongo = await connectMongo(mongoUri, database);
  try {
    return (await createApiKey(mongo.repositories, { name: 'load-harness', role: 'admin', createdBy: 'load harness' })).apiKey;
  } finally {
    await mongo.close();
  }
}

function serviceEnv(
  options: StackOptions,
  servers: { httpPort: number; temporalAddress: string; mongoUri: string; simulatorUrl: string; account: { sid: string; authToken: string } },
): Record<string, string> {
  const publicBaseUrl = `http://127.0.0.1:${servers.httpPort}`;
  return {
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    DATA_DIR: options.runDir,
    HTTP_PORT: String(servers.httpPort),
    PUBLIC_BASE_URL: publicBaseUrl,
    // `parley serve` on loopback, with the simulator as Twilio: nothing crosses a network.
    ALLOW_INSECURE_PUBLIC_URL: 'true',
    TEMPORAL_PAYLOAD_KEYS: `load-1=${randomBytes(32).toString('base64')}`,
    PARLEY_API_URL: publicBaseUrl,
    TEMPORAL_ADDRESS: servers.temporalAddress,
    TEMPORAL_TASK_QUEUE: taskQueue,
    MONGODB_URI: servers.mongoUri,
    MONGODB_DATABASE: 'parley_load',
    TWILIO_ACCOUNT_SID: servers.account.sid,
    TWILIO_AUTH_TOKEN: servers.account.authToken,
    TWILIO_API_BASE_URL: servers.simulatorUrl,
    TWILIO_FROM_NUMBER: serviceNumber,
    TWILIO_SMS_PER_SECOND: String(options.smsPerSecond),
    TWILIO_CALLS_PER_SECOND: String(options.callsPerSecond),
    PAYMENT_LINK_SECRET: randomBytes(32).toString('hex'),
    PAYMENT_WEBHOOK_SECRET: randomBytes(32).toString('hex'),
  };
}

/** The API and worker children: one of each running; an exit nobody asked for is counted and the role started again. */
class ServiceSupervisor {
  readonly crashes: Record<ServiceRole, number> = { api: 0, worker: 0 };
  private readonly processes = new Map<ServiceRole, ServiceProcess>();
  private stopping = false;

  constructor(
    private readonly env: Record<string, string>,
    private readonly workerEnv: Record<string, string>,
    private readonly logDir: string,
  ) {}

  /** Starts the role; the one running before (if any) is no longer supervised and is the caller's to end. */
  launch(role: ServiceRole): ServiceProcess {
    const env = role === 'worker' ? { ...this.env, ...this.workerEnv } : this.env;
    const proc = startServiceProcess(role, env, path.join(this.logDir, `${role}.log`));
    this.processes.set(role, proc);
    void proc.exited.then(() => {
      if (this.stopping || this.processes.get(role) !== proc) return;
      this.crashes[role]++;
      this.launch(role);
    });
    return proc;
  }

  running(role: ServiceRole): ServiceProcess | undefined {
    return this.processes.get(role);
  }

  async stopAll(): Promise<void> {
    this.stopping = true;
    await Promise.all([...this.processes.values()].map((proc) => proc.stop()));
  }
}

/** A worker is up once its identity (pid@host, the SDK's default) polls the main workflow queue. */
async function isPolling(temporal: Client, pid: number): Promise<boolean> {
  const { pollers } = await temporal.workflowService.describeTaskQueue({
    namespace: 'default',
    taskQueue: { name: taskQueue },
    taskQueueType: 1, // TASK_QUEUE_TYPE_WORKFLOW
  });
  return pollers.some((poller) => poller.identity === `${pid}@${os.hostname()}`);
}
