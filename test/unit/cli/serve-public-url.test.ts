import { describe, expect, it } from 'vitest';
import { loadConfig, requireSecurePublicUrl } from '../../../src/config/config';
import { runCli } from '../../support/api-calls';

// Webhooks carry what people say, payment links a token: `parley serve` is reached over https.

describe('parley serve and its public URL', () => {
  it('when PUBLIC_BASE_URL is plain http, then `parley serve` exits 2 naming the key before it connects to anything', async () => {
    const result = await runCli(['serve'], { PUBLIC_BASE_URL: 'http://parley.example.com', TEMPORAL_ADDRESS: '127.0.0.1:9', MONGODB_URI: 'mongodb://127.0.0.1:9/' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/PUBLIC_BASE_URL \(http:\/\/parley\.example\.com\): must be https .*ALLOW_INSECURE_PUBLIC_URL=true/);
  });

  it('when PUBLIC_BASE_URL is unset, then the default plain-http URL is refused too', () => {
    expect(() => requireSecurePublicUrl(loadConfig({}))).toThrow(/PUBLIC_BASE_URL \(http:\/\/127\.0\.0\.1:3000\): must be https/);
  });

  it('when ALLOW_INSECURE_PUBLIC_URL=true, then plain http is served with a warning; https needs nothing', () => {
    const insecure = requireSecurePublicUrl(loadConfig({ PUBLIC_BASE_URL: 'http://api:3000', ALLOW_INSECURE_PUBLIC_URL: 'true' }));
    expect(insecure.warning).toMatch(/PUBLIC_BASE_URL \(http:\/\/api:3000\) is plain http \(ALLOW_INSECURE_PUBLIC_URL=true\)/);
    expect(requireSecurePublicUrl(loadConfig({ PUBLIC_BASE_URL: 'https://parley.example.com' }))).toEqual({});
  });
});
