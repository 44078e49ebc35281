import type { Repositories } from '../adapters/mongo/repositories';
import { createApiKey, verifyApiKey } from '../auth/api-keys';
import { saveDevSecrets } from './dev-secrets';
import type { DevSecrets } from '../config/dev-secrets-file';

/**
 * The dev admin key: the one kept in the dev secrets while the database still takes it, else a
 * new one (the first start, or after the database was reset), saved beside the other secrets.
 */
export async function ensureDevAdminKey(repositories: Pick<Repositories, 'apiKeys'>, dataDir: string, secrets: DevSecrets): Promise<string> {
  if (secrets.adminApiKey && (await verifyApiKey(repositories, secrets.adminApiKey))) return secrets.adminApiKey;
  const { apiKey } = await createApiKey(repositories, { name: 'dev-admin', role: 'admin', createdBy: 'parley dev' });
  saveDevSecrets(dataDir, { ...secrets, adminApiKey: apiKey });
  return apiKey;
}
