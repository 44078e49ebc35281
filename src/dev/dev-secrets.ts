import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { devSecretsFile, readDevSecrets, type DevSecrets } from '../config/dev-secrets-file';

export function saveDevSecrets(dataDir: string, secrets: DevSecrets): void {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(devSecretsFile(dataDir), JSON.stringify(secrets, null, 2), { mode: 0o600 });
}

export function loadOrCreateDevSecrets(dataDir: string): DevSecrets {
  const existing = readDevSecrets(dataDir);
  if (existing) return existing;
  const secrets: DevSecrets = {
    twilioAccountSid: `AC${randomBytes(16).toString('hex')}`,
    twilioAuthToken: randomBytes(16).toString('hex'),
    paymentLinkSecret: randomBytes(32).toString('hex'),
    paymentWebhookSecret: randomBytes(32).toString('hex'),
  };
  saveDevSecrets(dataDir, secrets);
  return secrets;
}
