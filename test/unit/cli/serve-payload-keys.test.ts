import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/api-calls';

// Names, numbers and what people say are workflow payloads: `parley serve` encrypts them or is told not to.

describe('parley serve and payload encryption', () => {
  it('when no payload keys are configured, then `parley serve` exits 2 naming TEMPORAL_PAYLOAD_KEYS before it connects to anything', async () => {
    const result = await runCli(['serve'], { PUBLIC_BASE_URL: 'https://parley.example.com', TEMPORAL_ADDRESS: '127.0.0.1:9', MONGODB_URI: 'mongodb://127.0.0.1:9/' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/TEMPORAL_PAYLOAD_KEYS: required under `parley serve`.*ALLOW_PLAINTEXT_PAYLOADS=true overrides/);
  });
});
