import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, withEmbeddedServers } from '../../src/config/config';

const run = promisify(execFile);

describe('configuration', () => {
  it('when nothing is set, then the embedded defaults apply', () => {
    const config = loadConfig({});
    expect(config.temporal.address).toBeUndefined();
    expect(config.mongo.uri).toBeUndefined();
    expect(config.http.publicBaseUrl).toBe('http://127.0.0.1:3000');
    expect(config.temporal.taskQueue).toBe('parley');
    expect(Object.isFrozen(config.temporal)).toBe(true);
  });

  it('when .env.example is used as it ships, then it is valid and means the embedded defaults', () => {
    const example = parseEnv(readFileSync(path.resolve(__dirname, '../../.env.example'), 'utf8'));
    expect(Object.keys(example).length).toBeGreaterThan(20);
    const config = loadConfig(example);
    expect(config).toEqual(loadConfig({}));
  });

  it('when servers are configured, then they override the embedded ones', () => {
    const config = loadConfig({ TEMPORAL_ADDRESS: 'temporal.example:7233', MONGODB_URI: 'mongodb://db.example/' });
    const resolved = withEmbeddedServers(config, { temporalAddress: '127.0.0.1:1', mongoUri: 'mongodb://127.0.0.1:2/' });
    expect(resolved.temporal.address).toBe('temporal.example:7233');
    expect(resolved.mongo.uri).toBe('mongodb://db.example/');
  });

  it('when Temporal Cloud is configured with an API key, then TLS is on', () => {
    const config = loadConfig({ TEMPORAL_ADDRESS: 'ns.acct.tmprl.cloud:7233', TEMPORAL_API_KEY: 'k' });
    expect(config.temporal.tls).toBeDefined();
    expect(config.temporal.apiKey).toBe('k');
  });

  it('when several values are bad, then one error lists every bad key', () => {
    let error: unknown;
    try {
      loadConfig({ HTTP_PORT: 'eighty', LOG_LEVEL: 'loud', PUBLIC_BASE_URL: 'not a url', TWILIO_CALLS_PER_SECOND: '-1' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    for (const key of ['HTTP_PORT', 'LOG_LEVEL', 'PUBLIC_BASE_URL', 'TWILIO_CALLS_PER_SECOND']) expect(message).toContain(key);
  });

  it('when only half of a credential pair is set, then both keys are named', () => {
    expect(() => loadConfig({ TWILIO_ACCOUNT_SID: 'AC123' })).toThrow(/TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN/);
    expect(() => loadConfig({ TEMPORAL_TLS_CERT_PATH: '/c.pem' })).toThrow(/TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH/);
  });

  it('when the CLI starts with a bad value, then it prints the bad keys and exits with code 2', async () => {
    const bin = path.resolve(__dirname, '../../bin/parley');
    const failure = await run(bin, ['doctor'], { env: { ...process.env, HTTP_PORT: 'eighty', LOG_LEVEL: 'loud' } }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 2 });
    const stderr = (failure as { stderr: string }).stderr;
    expect(stderr).toContain('HTTP_PORT');
    expect(stderr).toContain('LOG_LEVEL');
  });

  it('when the payment-link lifetime is unset, then a link works for 72 hours; set, it is read in hours', () => {
    expect(loadConfig({}).payments.linkTtlMs).toBe(72 * 3600_000);
    expect(loadConfig({ PAYMENT_LINK_TTL_HOURS: '2' }).payments.linkTtlMs).toBe(2 * 3600_000);
    expect(() => loadConfig({ PAYMENT_LINK_TTL_HOURS: '0' })).toThrow(/PAYMENT_LINK_TTL_HOURS/);
  });
});
