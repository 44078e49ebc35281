import path from 'node:path';
import { NativeConnection, Worker, type WorkerInterceptors, type WorkerOptions } from '@temporalio/worker';
import type { Config, WorkerTuning } from '../config/config';
import { createActivities, type ActivityDeps } from '../../activities';
import { parleyDataConverter } from './codec/data-converter';
import { temporalConnectionOptions } from './connection-options';
import { taskQueuesFor } from './task-queues';

export const workflowsPath = path.resolve(__dirname, '../../workflows');

/**
 * The server dispatches at the configured rate on average, but its first dispatches come close to
 * a second apart and jitter can bring two under a second; Twilio counts per second and refuses
 * (20429) the one over. A fifth of headroom keeps every second under the account's limit
 * (measured in test/integration/outbound-rate-limit.test.ts).
 */
function belowLimit(perSecond: number): number {
  return perSecond * 0.8;
}

/** The configured sizing as worker options, leaving out what is unset so the SDK's defaults apply. */
export function tuningOptions(tuning: WorkerTuning): Partial<WorkerOptions> {
  const options: Partial<WorkerOptions> = {
    maxCachedWorkflows: tuning.maxCachedWorkflows,
    maxConcurrentWorkflowTaskExecutions: tuning.workflowTaskSlots,
    maxConcurrentActivityTaskExecutions: tuning.activitySlots,
    maxConcurrentLocalActivityExecutions: tuning.localActivitySlots,
    maxConcurrentWorkflowTaskPolls: tuning.workflowPollers,
    maxConcurrentActivityTaskPolls: tuning.activityPollers,
    maxEagerActivityReservationsPerWorkflowTask: tuning.eagerActivities,
  };
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
}

export interface ParleyWorkers {
  readonly workers: Worker[];
  run(): Promise<void>;
  shutdown(): void;
  close(): Promise<void>;
}

/**
 * The workers of one process: workflows and bookkeeping activities on the main queue, and
 * outbound SMS and calls on queues of their own whose rate is capped across every worker that
 * polls them (maxTaskQueueActivitiesPerSecond is enforced by the server), so 100,000 debtors
 * never send faster than Twilio's per-account call rate or a sender's message rate.
 */
export async function createParleyWorkers(
  config: Config & { temporal: { address: string } },
  deps: ActivityDeps,
  interceptors: WorkerInterceptors = {},
): Promise<ParleyWorkers> {
  const connection = await NativeConnection.connect(temporalConnectionOptions(config.temporal));
  const queues = taskQueuesFor(config.temporal.taskQueue);
  const activities = createActivities(deps);
  const dataConverter = parleyDataConverter(config.temporal.payloadKeys);
  const common = { connection, namespace: config.temporal.namespace, interceptors, ...(dataConverter ? { dataConverter } : {}), ...tuningOptions(config.worker) };
  try {
    const workers = [
      await Worker.create({ ...common, taskQueue: queues.main, workflowsPath, activities }),
      await Worker.create({ ...common, taskQueue: queues.sms, activities, maxTaskQueueActivitiesPerSecond: belowLimit(config.twilio.smsPerSecond) }),
      await Worker.create({ ...common, taskQueue: queues.voice, activities, maxTaskQueueActivitiesPerSecond: belowLimit(config.twilio.callsPerSecond) }),
    ];
    return {
      workers,
      run: () => Promise.all(workers.map((w) => w.run())).then(() => undefined),
      shutdown: () => workers.filter((w) => w.getState() === 'RUNNING').forEach((w) => w.shutdown()),
      close: () => connection.close(),
    };
  } catch (err) {
    await connection.close();
    throw err;
  }
}
