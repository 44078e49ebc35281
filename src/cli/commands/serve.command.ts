import { ConfigError, requireSecurePublicUrl, requireServers, type Config } from '../../config/config';
import type { Logger } from '../../logging/logger';
import { startService } from '../../service/service';
import { onShutdownSignal } from '../shutdown';

/** `parley serve`: production shape; the API and/or the worker against external servers. */
export async function serveCommand(config: Config, logger: Logger, roles: { api: boolean; worker: boolean }): Promise<void> {
  refuseDemoPayments(config);
  if (!config.temporal.payloadKeys) {
    logger.warn('TEMPORAL_PAYLOAD_KEYS is unset: workflow inputs, texts and call turns reach the Temporal server in clear (see README, "Encrypted histories")');
  }
  const { warning } = requireSecurePublicUrl(config);
  if (warning) logger.warn(warning);
  const service = await startService(requireServers(config), logger, roles);
  onShutdownSignal(logger, service.stop);
  logger.info({ roles, httpUrl: service.httpUrl }, 'parley is serving');
}

/** The demo provider accepts every payment and moves no money: only `parley dev` and the tests run it. */
function refuseDemoPayments(config: Config): void {
  if (config.payments.provider === 'demo') {
    throw new ConfigError([
      'PAYMENT_PROVIDER: "demo" accepts every payment and moves no money, so only `parley dev` runs it; configure a real provider, or leave it unset (payment pages off)',
    ]);
  }
}
