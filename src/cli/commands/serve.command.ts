import { requireSecurePublicUrl, requireServers, type Config } from '../../config/config';
import type { Logger } from '../../logging/logger';
import { startService } from '../../service/service';
import { onShutdownSignal } from '../shutdown';

/** `parley serve`: production shape; the API and/or the worker against external servers. */
export async function serveCommand(config: Config, logger: Logger, roles: { api: boolean; worker: boolean }): Promise<void> {
  const { warning } = requireSecurePublicUrl(config);
  if (warning) logger.warn(warning);
  const service = await startService(requireServers(config), logger, roles);
  onShutdownSignal(logger, service.stop);
  logger.info({ roles, httpUrl: service.httpUrl }, 'parley is serving');
}
