import { readFileSync } from 'node:fs';
import path from 'node:path';

// Where `parley dev` keeps what it generated; read here too because the CLI, even under `parley
// serve`'s module graph, falls back on the dev admin key (src/dev is never loaded by serve).

/** Credentials `parley dev` makes up for its embedded services, kept so links and logins survive restarts. */
export interface DevSecrets {
  twilioAccountSid: string;
  twilioAuthToken: string;
  paymentLinkSecret: string;
  paymentWebhookSecret: string;
  /** TEMPORAL_PAYLOAD_KEYS for the embedded Temporal server: histories there are encrypted as in production. */
  payloadKeys?: string;
  /** An admin API key on the dev database: made at the first start, used by the CLI when PARLEY_API_KEY is unset. */
  adminApiKey?: string;
}

export function devSecretsFile(dataDir: string): string {
  return path.join(dataDir, 'dev-secrets.json');
}

/** The dev secrets, if `parley dev` ever ran with this DATA_DIR. */
export function readDevSecrets(dataDir: string): DevSecrets | undefined {
  try {
    return JSON.parse(readFileSync(devSecretsFile(dataDir), 'utf8')) as DevSecrets;
  } catch {
    return undefined;
  }
}

