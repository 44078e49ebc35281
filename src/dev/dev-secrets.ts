import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Credentials `parley dev` makes up for its embedded services, kept so links and logins survive restarts. */
export interface DevSecrets {
  twilioAccountSid: string;
  twilioAuthToken: string;
  paymentLinkSecret: string;
  paymentWebhookSecret: string;
}

export function loadOrCreateDevSecrets(dataDir: string): DevSecrets {
  const file = path.join(dataDir, 'dev-secrets.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as DevSecrets;
  } catch {
    const secrets: DevSecrets = {
      twilioAccountSid: `AC${randomBytes(16).toString('hex')}`,
      twilioAuthToken: randomBytes(16).toString('hex'),
      paymentLinkSecret: randomBytes(32).toString('hex'),
      paymentWebhookSecret: randomBytes(32).toString('hex'),
    };
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
    return secrets;
  }
}
