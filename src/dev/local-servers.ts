import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { probeMongo } from '../adapters/mongo/connection';
import { freePort, startLogged, tcpAccepts, toolPath, waitUntilReady, type RunningProcess } from './child-process';
import { startPostgres } from './local-postgres';

// The embedded defaults: real servers built by scripts/setup.sh, started as child processes.

const fileStorePragmas = ['journal_mode=wal', 'synchronous=normal'];

export interface LocalTemporal {
  readonly address: string;
  /** Unset when started headless. */
  readonly uiUrl?: string;
  readonly logFile: string;
  stop(): Promise<void>;
}

/**
 * The Temporal CLI dev server. With a dbFile its SQLite store survives restarts (every workflow
 * is kept); without one it is in memory, which is what the tests want.
 */
export async function startTemporalDevServer(options: {
  port: number;
  uiPort?: number;
  /** The Web UI decodes payloads through this Remote Codec Endpoint (the API's /codec). */
  uiCodecEndpoint?: string;
  /** The path the Web UI is served under (so the API can serve it on its own origin). */
  uiPublicPath?: string;
  dbFile?: string;
  logDir: string;
  namespace?: string;
  /** How long a stop waits for a graceful exit (an in-memory server has nothing to save). */
  graceMs?: number;
  /**
   * SQLite pragmas of the dbFile (default WAL with synchronous=normal). SQLite's own defaults (a
   * rollback journal, a sync per commit) start about 10 times fewer workflows per second
   * (scripts/bench-temporal-dev.ts, docs/benchmarks.md); WAL stays consistent after a crash of
   * the server, losing at most the last commits before a crash of the machine.
   */
  sqlitePragmas?: readonly string[];
}): Promise<LocalTemporal> {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(options.port), '--log-level', 'warn'];
  // A task queue's activity rate limit is split across its partitions, each with a burst of its
  // own, so with the default four partitions four calls can start within one second on a queue
  // limited to one per second. One partition holds the rate exactly (Twilio's CPS). A production
  // cluster needs the same for the SMS and voice queues (see README, Running against real servers).
  args.push('--dynamic-config-value', 'matching.numTaskqueueReadPartitions=1', '--dynamic-config-value', 'matching.numTaskqueueWritePartitions=1');
  if (options.uiPort) {
    args.push('--ui-port', String(options.uiPort));
    if (options.uiCodecEndpoint) args.push('--ui-codec-endpoint', options.uiCodecEndpoint);
    if (options.uiPublicPath) args.push('--ui-public-path', options.uiPublicPath);
  } else args.push('--headless');
  if (options.dbFile) {
    mkdirSync(path.dirname(options.dbFile), { recursive: true });
    args.push('--db-filename', options.dbFile);
    for (const pragma of options.sqlitePragmas ?? fileStorePragmas) args.push('--sqlite-pragma', pragma);
  }
  if (options.namespace && options.namespace !== 'default') args.push('--namespace', options.namespace);
  const proc = startLogged(toolPath('temporal'), args, path.join(options.logDir, `temporal-${options.port}.log`), { graceMs: options.graceMs });
  const address = `127.0.0.1:${options.port}`;
  await waitUntilReady('Temporal dev server', proc, async () => {
    const connection = await Connection.connect({ address, connectTimeout: '1 second' });
    try {
      await connection.workflowService.describeNamespace({ namespace: options.namespace ?? 'default' });
    } finally {
      await connection.close();
    }
  });
  return { address, uiUrl: options.uiPort ? `http://127.0.0.1:${options.uiPort}${options.uiPublicPath ?? ''}` : undefined, logFile: proc.logFile, stop: () => proc.stop() };
}

export interface LocalMongo {
  readonly uri: string;
  readonly logFile: string;
  stop(): Promise<void>;
}

/**
 * FerretDB: the MongoDB wire protocol. Its default backend is a private PostgreSQL cluster in
 * `postgresDir` (default: `postgres/` beside stateDir), started and stopped with it; `sqlite`
 * keeps everything in stateDir but fails concurrent writers with SQLITE_BUSY under load.
 */
export async function startFerretDb(options: {
  port: number;
  stateDir: string;
  logDir: string;
  graceMs?: number;
  backend?: 'postgresql' | 'sqlite';
  /** With sqlite: query parameters of FerretDB's --sqlite-url (e.g. `_txlock=immediate`), for measuring. */
  sqliteUrlQuery?: string;
  postgresDir?: string;
  /** false: no fsync, for throwaway test data. */
  durable?: boolean;
}): Promise<LocalMongo> {
  mkdirSync(options.stateDir, { recursive: true });
  const postgres =
    options.backend === 'sqlite'
      ? undefined
      : await startPostgres({
          port: await freePort(),
          dataDir: options.postgresDir ?? path.join(path.dirname(path.resolve(options.stateDir)), 'postgres'),
          logDir: options.logDir,
          durable: options.durable,
          graceMs: options.graceMs,
        });
  const backendArgs = postgres
    ? ['--handler=postgresql', `--postgresql-url=${postgres.url}`]
    : ['--handler=sqlite', `--sqlite-url=file:${path.resolve(options.stateDir)}/${options.sqliteUrlQuery ? `?${options.sqliteUrlQuery}` : ''}`];
  const args = [
    ...backendArgs,
    `--state-dir=${path.resolve(options.stateDir)}`,
    `--listen-addr=127.0.0.1:${options.port}`,
    '--debug-addr=',
    '--telemetry=disable',
    '--log-level=warn',
  ];
  const proc: RunningProcess = startLogged(toolPath('ferretdb'), args, path.join(options.logDir, `ferretdb-${options.port}.log`), { graceMs: options.graceMs });
  const stop = async () => {
    await proc.stop();
    await postgres?.stop();
  };
  const uri = `mongodb://127.0.0.1:${options.port}/`;
  try {
    await waitUntilReady('FerretDB', proc, async () => {
      await tcpAccepts(options.port);
      await probeMongo(uri);
    });
  } catch (err) {
    await stop();
    throw err;
  }
  return { uri, logFile: proc.logFile, stop };
}
