import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../..');

/** A tool that scripts/setup.sh built into .tools/bin (or a path given by the environment). */
export function toolPath(name: 'temporal' | 'ferretdb' | 'temporal-test-server' | 'postgres' | 'initdb' | 'pg_isready'): string {
  const p = path.join(repoRoot, '.tools', 'bin', name);
  if (!existsSync(p)) throw new Error(`${p} is missing: run \`npm run setup\` (scripts/setup.sh) first`);
  return p;
}

export interface RunningProcess {
  readonly child: ChildProcess;
  readonly logFile: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** How long stop() waits before SIGKILL. */
  graceMs?: number;
  stopSignal?: NodeJS.Signals;
  /** Run as another account (PostgreSQL refuses root). */
  uid?: number;
  gid?: number;
}

/** Starts a long-running server whose output goes to a log file; stop() sends SIGTERM (or `stopSignal`), then SIGKILL after `graceMs`. */
export function startLogged(command: string, args: string[], logFile: string, options: StartOptions = {}): RunningProcess {
  const { graceMs = 10_000, stopSignal = 'SIGTERM', uid, gid } = options;
  mkdirSync(path.dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], uid, gid });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    logFile,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(stopSignal);
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * A port that is free now, for a server that is started a moment later. Taken below Linux's
 * ephemeral range (32768 and up): a port from there (what listen(0) hands out) can be taken in
 * that moment by any outgoing connection on the machine, which parallel test files make plenty of.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const candidate = lowPortFrom + Math.floor(Math.random() * (lowPortTo - lowPortFrom));
    if (await canListen(candidate)) return candidate;
  }
  return listenOnce(0);
}

const lowPortFrom = 20_000;
const lowPortTo = 32_768;

function canListen(port: number): Promise<boolean> {
  return listenOnce(port).then(
    () => true,
    () => false,
  );
}

function listenOnce(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Polls `probe` until it resolves; fails early with the log's tail when the process dies. */
export async function waitUntilReady(
  name: string,
  proc: RunningProcess,
  probe: () => Promise<void>,
  timeoutMs = 90_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null) {
      throw new Error(`${name} exited with code ${proc.child.exitCode} before it was ready:\n${logTail(proc.logFile)}`);
    }
    try {
      await probe();
      return;
    } catch (err) {
      lastError = err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  await proc.stop();
  throw new Error(`${name} was not ready after ${timeoutMs} ms (${String(lastError)}):\n${logTail(proc.logFile)}`);
}

export function tcpAccepts(port: number, host = '127.0.0.1'): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port, host }, () => {
      socket.end();
      resolve();
    });
    socket.once('error', reject);
    socket.setTimeout(1000, () => socket.destroy(new Error('connect timeout')));
  });
}

function logTail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-20).join('\n');
  } catch {
    return '(no log)';
  }
}
