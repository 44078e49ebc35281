import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { startLogged, toolPath, waitUntilReady } from './child-process';

// A private PostgreSQL cluster for FerretDB: FerretDB's SQLite backend answers SQLITE_BUSY under
// concurrent writers (a 2,000-row import failed with HTTP 500), PostgreSQL does not (docs/benchmarks.md).

export interface LocalPostgres {
  /** A libpq URL for the cluster's `postgres` database, as FerretDB takes it. */
  readonly url: string;
  readonly logFile: string;
  stop(): Promise<void>;
}

/** The account the server runs as: PostgreSQL refuses to run as root, so root hands it to `postgres`. */
function serverAccount(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  const uid = id('-u');
  const gid = id('-g');
  if (uid.status !== 0 || gid.status !== 0) {
    throw new Error('PostgreSQL cannot run as root and there is no `postgres` user: run `npm run setup` (it installs Debian\'s postgresql)');
  }
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** The data directory belongs to the server's account, and every folder above it must let that account through. */
function prepareDataDir(dataDir: string, account: { uid: number; gid: number } | undefined): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (!account) return;
  chownSync(dataDir, account.uid, account.gid);
  for (let dir = path.dirname(dataDir); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) chmodSync(dir, mode | 0o001);
  }
}

function initCluster(dataDir: string, account: { uid: number; gid: number } | undefined): void {
  if (existsSync(path.join(dataDir, 'PG_VERSION'))) return;
  const result = spawnSync(toolPath('initdb'), ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale'], {
    encoding: 'utf8',
    ...account,
  });
  if (result.status !== 0) throw new Error(`initdb failed in ${dataDir}:\n${result.stderr || result.stdout}`);
}

/**
 * Starts PostgreSQL on 127.0.0.1:port with its data in dataDir (created by initdb on first use).
 * `durable: false` turns fsync off, for throwaway test clusters.
 */
export async function startPostgres(options: {
  port: number;
  dataDir: string;
  logDir: string;
  durable?: boolean;
  graceMs?: number;
}): Promise<LocalPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const account = serverAccount();
  prepareDataDir(dataDir, account);
  initCluster(dataDir, account);
  const settings = {
    listen_addresses: '127.0.0.1',
    port: String(options.port),
    unix_socket_directories: dataDir,
    max_connections: '200',
    shared_buffers: '256MB',
    // A durable cluster acknowledges a commit once its WAL is on disk: an attempt's intent record,
    // written before Twilio is called, must outlive a crash or a retry could send twice. A
    // throwaway test cluster keeps nothing past its run, so it skips every sync.
    synchronous_commit: options.durable === false ? 'off' : 'on',
    fsync: options.durable === false ? 'off' : 'on',
    full_page_writes: options.durable === false ? 'off' : 'on',
  };
  const args = ['-D', dataDir, ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
  const proc = startLogged(toolPath('postgres'), args, path.join(options.logDir, `postgres-${options.port}.log`), {
    graceMs: options.graceMs,
    // SIGINT is PostgreSQL's fast shutdown; SIGTERM would wait for FerretDB's pooled connections.
    stopSignal: 'SIGINT',
    ...account,
  });
  await waitUntilReady('PostgreSQL', proc, async () => {
    const ready = spawnSync(toolPath('pg_isready'), ['-q', '-h', '127.0.0.1', '-p', String(options.port)]);
    if (ready.status !== 0) throw new Error(`pg_isready exited with ${ready.status}`);
  });
  return { url: `postgres://postgres@127.0.0.1:${options.port}/postgres`, logFile: proc.logFile, stop: () => proc.stop() };
}
