import type { Client } from '@temporalio/client';
import type { Config } from '../../config/config';
import { connectMongo, type MongoHandle } from '../../adapters/mongo/connection';
import { connectTemporalClient } from '../../temporal/client';
import { readDevSecrets } from '../../config/dev-secrets-file';

// Commands that work on the service's own stores rather than through its API: the database for
// keys (no key can mint a stronger one), Temporal and the database for auditors' tools (an
// auditor replays against the code about to be deployed, on their own machine).
// Unset addresses mean the embedded servers of `parley dev`.

export async function withDatabase<T>(config: Config, work: (mongo: MongoHandle) => Promise<T>): Promise<T> {
  const mongo = await connectMongo(config.mongo.uri ?? `mongodb://127.0.0.1:${config.mongo.ferretDbPort}/`, config.mongo.database);
  try {
    return await work(mongo);
  } finally {
    await mongo.close();
  }
}

/** The keys histories decode with: TEMPORAL_PAYLOAD_KEYS, or the key `parley dev` made for its embedded server. */
export function auditPayloadKeys(config: Config): Config['temporal']['payloadKeys'] {
  const devKeys = config.temporal.payloadKeys ? undefined : readDevSecrets(config.dataDir)?.payloadKeys;
  return devKeys ? { list: devKeys } : config.temporal.payloadKeys;
}

/** A Temporal client with the service's payload codec (auditPayloadKeys), so histories decode as the workers wrote them. */
export async function withTemporal<T>(config: Config, work: (client: Client) => Promise<T>): Promise<T> {
  const address = config.temporal.address ?? `127.0.0.1:${config.temporal.devServer.port}`;
  const client = await connectTemporalClient({ ...config.temporal, address, payloadKeys: auditPayloadKeys(config) });
  try {
    return await work(client);
  } finally {
    await client.connection.close();
  }
}
