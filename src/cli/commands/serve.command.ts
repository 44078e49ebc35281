import { ConfigError, requireSecurePublicUrl, requireServers, type Config } from '../../config/config';
import type { Logger } from '../../logging/logger';
import { startService } from '../../service/service';
import { onShutdownSignal } from '../shutdown';

/** `parley serve`: production shape; the API and/or the worker against external servers. */
export async function serveCommand(config: Config, logger: Logger, roles: { api: boolean; worker: boolean }): Promise<void> {
  refuseDemoPayments(config);
  const { warning } = requireSecurePublicUrl(config);
  if (warning) logger.warn(warning);
  const plaintext = requirePayloadKeys(config);
  if (plaintext) logger.warn(plaintext);
  const service = await startService(requireServers(config), logger, roles);
  onShutdownSignal(logger, service.stop);
  logger.info({ roles, httpUrl: service.httpUrl }, 'parley is serving');
}

/**
 * Names, phone numbers, texts and call turns are workflow payloads: without keys they reach the
 * Temporal server, its database and its UI in clear. Only an explicit choice allows that.
 */
function requirePayloadKeys(config: Config): string | undefined {
  if (config.temporal.payloadKeys) return undefined;
  if (!config.temporal.allowPlaintextPayloads) {
    throw new ConfigError(['TEMPORAL_PAYLOAD_KEYS: required under `parley serve`, so histories hold no personal data in clear (README, "Encrypted histories"); ALLOW_PLAINTEXT_PAYLOADS=true overrides']);
  }
  return 'TEMPORAL_PAYLOAD_KEYS is unset (ALLOW_PLAINTEXT_PAYLOADS=true): workflow inputs, texts and call turns reach the Temporal server in clear';
}

/** The demo provider accepts every payment and moves no money: only `parley dev` and the tests run it. */
function refuseDemoPayments(config: Config): void {
  if (config.payments.provider === 'demo') {
    throw new ConfigError([
      'PAYMENT_PROVIDER: "demo" accepts every payment and moves no money, so only `parley dev` runs it; configure a real provider, or leave it unset (payment pages off)',
    ]);
  }
}
