import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { requireServers, type Config } from '../../config/config';
import { connectMongo } from '../../adapters/mongo/connection';
import { connectTemporalClient } from '../../temporal/client';
import { TemporalGateway } from '../../temporal/gateway';

/**
 * `parley doctor`: proves a deployment works end to end (a worker picks up a workflow, its
 * activity writes to the database, the record reads back). Exit code 1 when it does not.
 */
export async function doctorCommand(config: Config): Promise<void> {
  const resolved = requireServers(config);
  const client = await connectTemporalClient(resolved.temporal);
  const mongo = await connectMongo(resolved.mongo.uri, resolved.mongo.database);
  try {
    const gateway = new TemporalGateway(client, resolved.temporal.taskQueue);
    const checkId = randomUUID();
    const record = await gateway.runSelfCheck(checkId, os.hostname());
    const stored = await mongo.repositories.selfChecks.byCheckId(checkId);
    if (!stored) throw new Error(`the self-check workflow ran but no record ${checkId} is in the database`);
    process.stdout.write(`ok: workflow ${record.workflowId} wrote its record at ${record.writtenAt}\n`);
  } finally {
    await client.connection.close();
    await mongo.close();
  }
}
