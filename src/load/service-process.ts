import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../dev/child-process';

// The service under load runs as `parley serve` child processes, the API and the worker apart, as
// in production: the worker can be SIGKILLed without taking the webhooks down with it.

export type ServiceRole = 'api' | 'worker';

export interface ServiceProcess {
  readonly role: ServiceRole;
  readonly pid: number;
  /** Resolves with the exit code or signal when the process ends, however it ends. */
  readonly exited: Promise<string>;
  /** Resident memory in KiB (VmRSS), undefined once the process is gone. */
  rssKiB(): number | undefined;
  /** CPU time used so far (user + system), in ms; undefined once the process is gone. */
  cpuMs(): number | undefined;
  kill(signal: NodeJS.Signals): void;
  /** SIGTERM, then SIGKILL after graceMs. */
  stop(graceMs?: number): Promise<void>;
}

export function startServiceProcess(role: ServiceRole, env: Record<string, string>, logFile: string): ServiceProcess {
  const log = openSync(logFile, 'a');
  const child: ChildProcess = spawn(path.join(repoRoot, 'bin', 'parley'), ['serve', role === 'api' ? '--no-worker' : '--no-api'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  if (child.pid === undefined) throw new Error(`could not start the ${role} (bin/parley serve)`);
  const pid = child.pid;
  let gone = false;
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => {
      gone = true;
      resolve(signal ?? `exit ${code}`);
    }),
  );
  return {
    role,
    pid,
    exited,
    rssKiB: () => (gone ? undefined : vmRssKiB(pid)),
    cpuMs: () => (gone ? undefined : cpuTimeMs(pid)),
    kill: (signal) => {
      if (!gone) child.kill(signal);
    },
    async stop(graceMs = 10_000) {
      if (gone) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** VmRSS from /proc/<pid>/status (Linux), in KiB. */
export function vmRssKiB(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** utime + stime from /proc/<pid>/stat (Linux), in ms: both are in clock ticks of 10 ms. */
function cpuTimeMs(pid: number): number | undefined {
  try {
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** Polls `probe` until it returns true; throws after timeoutMs or when `exited` settles first. */
export async function waitFor(what: string, probe: () => Promise<boolean>, options: { timeoutMs?: number; exited?: Promise<string> } = {}): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 90_000);
  let exit: string | undefined;
  void options.exited?.then((how) => (exit = how));
  while (Date.now() < deadline) {
    if (exit !== undefined) throw new Error(`${what}: the process ended (${exit}) before it was ready`);
    if (await probe().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what}: not ready after ${options.timeoutMs ?? 90_000} ms`);
}
