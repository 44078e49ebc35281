import type { LoadStack } from './stack';

// --faults: while a scenario runs, SIGKILL the worker every K seconds (and start a new one), and
// between kills restart the Temporal dev server and the database, until each has happened its
// minimum number of times. (The third fault, every webhook delivered three times, is the
// simulator's webhookRepeat and the turn driver's repeat.)

export interface FaultPlan {
  killEverySeconds: number;
  workerKills: number;
  temporalRestarts: number;
  databaseRestarts: number;
}

export const defaultFaultPlan: FaultPlan = { killEverySeconds: 5, workerKills: 20, temporalRestarts: 3, databaseRestarts: 3 };

export interface FaultCounts {
  workerKills: number;
  temporalRestarts: number;
  databaseRestarts: number;
  /** Restarts that failed (the run goes on; the report shows them). */
  failures: string[];
}

export interface FaultInjector {
  readonly counts: FaultCounts;
  /** Resolves once every minimum is reached; injecting stops then. */
  readonly finished: Promise<void>;
  stop(): Promise<void>;
}

export function startFaults(stack: LoadStack, plan: FaultPlan, note: (line: string) => void): FaultInjector {
  const counts: FaultCounts = { workerKills: 0, temporalRestarts: 0, databaseRestarts: 0, failures: [] };
  let stopped = false;
  const enough = () => counts.workerKills >= plan.workerKills && counts.temporalRestarts >= plan.temporalRestarts && counts.databaseRestarts >= plan.databaseRestarts;
  const attempt = async (what: string, action: () => Promise<void>) => {
    try {
      await action();
    } catch (err) {
      counts.failures.push(`${what}: ${(err as Error).message.split('\n')[0]}`);
    }
  };

  const finished = (async () => {
    // A kill every tick; a Temporal restart every 6 ticks and the database's 3 ticks after it.
    for (let tick = 0; !stopped && !enough(); tick++) {
      await new Promise((r) => setTimeout(r, plan.killEverySeconds * 1000));
      if (stopped) break;
      await attempt('worker kill', () => stack.killWorker());
      counts.workerKills++;
      if (tick % 6 === 2 && counts.temporalRestarts < plan.temporalRestarts) {
        note('restarting the Temporal dev server');
        await attempt('Temporal restart', () => stack.restartTemporal());
        counts.temporalRestarts++;
      }
      if (tick % 6 === 5 && counts.databaseRestarts < plan.databaseRestarts) {
        note('restarting the database');
        await attempt('database restart', () => stack.restartDatabase());
        counts.databaseRestarts++;
      }
    }
  })();

  return {
    counts,
    finished,
    async stop() {
      stopped = true;
      await finished;
    },
  };
}
