import { readFileSync } from 'node:fs';
import type { TLSConfig } from '@temporalio/client';
import type { Config } from '../config/config';

/** Address, TLS (mTLS or server-only) and API key, shared by the client and the worker connection. */
export function temporalConnectionOptions(temporal: Config['temporal'] & { address: string }): {
  address: string;
  tls?: TLSConfig;
  apiKey?: string;
} {
  const tls = temporal.tls;
  return {
    address: temporal.address,
    apiKey: temporal.apiKey,
    tls: tls
      ? {
          serverNameOverride: tls.serverName,
          serverRootCACertificate: tls.caPath ? readFileSync(tls.caPath) : undefined,
          clientCertPair:
            tls.certPath && tls.keyPath ? { crt: readFileSync(tls.certPath), key: readFileSync(tls.keyPath) } : undefined,
        }
      : undefined,
  };
}
