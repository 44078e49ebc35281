import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// docker-compose.yml is the production-shaped stack; no Docker engine runs here, so its exposure
// and credentials are read from the file as compose would read them.

interface Service {
  ports?: Array<string | { host_ip?: string; published?: string | number }>;
  environment?: Record<string, string | number | boolean>;
}

const compose = parse(readFileSync(path.resolve(__dirname, '../../docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, Service> };
const services = Object.entries(compose.services);
const loopback = new Set(['127.0.0.1', '::1', '[::1]', 'localhost']);

/** The host address a port is published on; undefined means every interface. */
function hostIp(port: string | { host_ip?: string }): string | undefined {
  if (typeof port !== 'string') return port.host_ip;
  // "[ip:]host:container[/proto]": an address only with three parts (IPv6 in brackets).
  const match = /^(\[[^\]]+\]|[^:]+):[^:]+:[^:]+$/.exec(port);
  return match?.[1];
}

/** `${NAME}`, `${NAME?message}`, `${NAME:?message}` and `${NAME:-}`: a value from the environment, with no default of the file's own. */
const fromEnvironment = /\$\{[A-Za-z_][A-Za-z0-9_]*(?::?\?[^}]*|:-)?\}/g;
const secretKey = /PASSWORD|PWD|SECRET|TOKEN|API_KEY/;

describe('docker-compose.yml', () => {
  it('when the stack runs, then only the api service publishes a port beyond this host', () => {
    const exposed = services.flatMap(([name, service]) =>
      (service.ports ?? []).filter((port) => !loopback.has(hostIp(port) ?? '')).map((port) => `${name} ${JSON.stringify(port)}`),
    );
    expect(exposed).toEqual(['api "3000:3000"']);
  });

  it('when a service takes a credential, then it comes from the environment with no default in the file', () => {
    const literals = services.flatMap(([name, service]) =>
      Object.entries(service.environment ?? {}).flatMap(([key, value]) => {
        const text = String(value);
        const userInfo = /^[a-z+]+:\/\/([^@/]*)@/.exec(text)?.[1];
        const leftOver = (secretKey.test(key) ? text : (userInfo ?? '')).replace(fromEnvironment, '').replace(/^:$/, '');
        return leftOver === '' ? [] : [`${name}.${key}: ${text}`];
      }),
    );
    expect(literals).toEqual([]);
  });

  it('when MongoDB starts, then it has a root user, and the service connects with credentials', () => {
    const mongo = compose.services.mongodb.environment ?? {};
    expect(Object.keys(mongo)).toEqual(expect.arrayContaining(['MONGO_INITDB_ROOT_USERNAME', 'MONGO_INITDB_ROOT_PASSWORD']));
    for (const name of ['api', 'worker']) {
      expect(String(compose.services[name].environment?.MONGODB_URI)).toMatch(/^mongodb:\/\/\$\{[^}]+\}:\$\{[^}]+\}@mongodb:27017\//);
    }
  });

  it('when the Temporal Web UI runs, then its write actions are disabled', () => {
    expect(String(compose.services['temporal-ui'].environment?.TEMPORAL_DISABLE_WRITE_ACTIONS)).toBe('true');
  });
});
