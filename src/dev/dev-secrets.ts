import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { devSecretsFile, readDevSecrets, type DevSecrets } from '../config/dev-secrets-file';

export function saveDevSecrets(dataDir: string, secrets: DevSecrets): void {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(devSecretsFile(dataDir), JSON.stringify(secrets, null, 2), { mode: 0o600 });
}

/** A payload key named by its day, as an operator would name one (rotation adds a newer one in front). */
function newPayloadKey(): string {
  return `dev-${new Date().toISOString().slice(0, 10)}=${randomBytes(32).toString('base64')}`;
}

export function loadOrCreateDevSecrets(dataDir: string): DevSecrets {
  const existing = readDevSecrets(dataDir);
  if (existing?.payloadKeys) return existing;
  if (existing) {
    // Secrets from before payload encryption: the histories already there stay readable (a codec passes clear payloads through).
    const upgraded = { ...existing, payloadKeys: newPayloadKey() };
    saveDevSecrets(dataDir, upgraded);
    return upgraded;
  }
  const secrets: DevSecrets = {
    twilioAccountSid: `AC${randomBytes(16).toString('hex')}`,
    twilioAuthToken: randomBytes(16).toString('hex'),
    paymentLinkSecret: randomBytes(32).toString('hex'),
    paymentWebhookSecret: randomBytes(32).toString('hex'),
    payloadKeys: newPayloadKey(),
  };
  saveDevSecrets(dataDir, secrets);
  return secrets;
}
