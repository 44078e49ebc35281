import path from 'node:path';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { Config } from '../config/config';
import { createActivities, type ActivityDeps } from '../../activities';
import { temporalConnectionOptions } from './connection-options';

export const workflowsPath = path.resolve(__dirname, '../../workflows');

/** A worker for the main task queue; the caller runs it and shuts it down (see src/service). */
export async function createParleyWorker(
  temporal: Config['temporal'] & { address: string },
  deps: ActivityDeps,
): Promise<Worker> {
  const connection = await NativeConnection.connect(temporalConnectionOptions(temporal));
  return Worker.create({
    connection,
    namespace: temporal.namespace,
    taskQueue: temporal.taskQueue,
    workflowsPath,
    activities: createActivities(deps),
  });
}
