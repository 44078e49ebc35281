import { Client, Connection, type WorkflowClientInterceptor } from '@temporalio/client';
import type { Config } from '../config/config';
import { temporalConnectionOptions } from './connection-options';
import { parleyDataConverter } from './codec/data-converter';

export async function connectTemporalClient(temporal: Config['temporal'] & { address: string }, interceptors: WorkflowClientInterceptor[] = []): Promise<Client> {
  const connection = await Connection.connect({ ...temporalConnectionOptions(temporal), connectTimeout: '10 seconds' });
  return new Client({ connection, namespace: temporal.namespace, dataConverter: parleyDataConverter(temporal.payloadKeys), interceptors: { workflow: interceptors } });
}
