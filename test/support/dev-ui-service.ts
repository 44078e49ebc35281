import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { loadConfig, requireServers } from '../../src/config/config';
import { createLogger } from '../../src/logging/logger';
import { startService, type RunningService } from '../../src/service/service';
import { startTemporalDevServer } from '../../src/dev/local-servers';
import { freePort } from '../../src/dev/child-process';
import { devTemporalUiPrefix } from '../../src/http/access/route-access';
import { integrationEnv } from './integration-env';

/**
 * The API as `parley dev` runs it, alone (no worker), on a Temporal dev server of its own whose
 * Web UI it serves under /temporal-ui, with payloads encrypted.
 */
export async function startApiWithDevUi(name: string): Promise<{ base: string; service: RunningService; stop(): Promise<void> }> {
  const [httpPort, uiPort, temporalPort] = [await freePort(), await freePort(), await freePort()];
  const base = `http://127.0.0.1:${httpPort}`;
  const temporal = await startTemporalDevServer({
    port: temporalPort,
    uiPort,
    uiCodecEndpoint: `${base}/codec`,
    uiPublicPath: devTemporalUiPrefix,
    logDir: mkdtempSync(path.join(os.tmpdir(), `${name}-`)),
  });
  const env = integrationEnv(name, {
    HTTP_PORT: String(httpPort),
    PUBLIC_BASE_URL: base,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_PAYLOAD_KEYS: `k=${randomBytes(32).toString('base64')}`,
  });
  const service = await startService(requireServers(loadConfig(env)), createLogger('warn', { pretty: false }), { api: true, worker: false }, { temporalUiUrl: `http://127.0.0.1:${uiPort}` });
  return {
    base,
    service,
    async stop() {
      await service.stop();
      await temporal.stop();
    },
  };
}
