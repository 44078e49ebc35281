import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter } from '@temporalio/common';
import { EncryptionCodec } from '../../src/temporal/codec/encryption-codec';
import { keyRingFromText } from '../../src/temporal/codec/key-ring';
import { loadConfig, ConfigError } from '../../src/config/config';

const key = () => randomBytes(32).toString('base64');
const profile = { fullName: 'Ada Byron', phone: '+12125550142', birthYear: 1961 };

describe('payload encryption', () => {
  it('when a payload is encoded, then its bytes hold no trace of the profile and it decodes back to the same value', async () => {
    const codec = new EncryptionCodec(keyRingFromText(`k1=${key()}`, 'test'));
    const [sealed] = await codec.encode([defaultPayloadConverter.toPayload(profile)]);
    const raw = Buffer.from(sealed.data!).toString('latin1') + JSON.stringify(sealed.metadata);
    for (const clear of ['Ada Byron', '+12125550142', '1961', 'json/plain']) expect(raw).not.toContain(clear);
    expect(new TextDecoder().decode(sealed.metadata!['encryption-key-id'])).toBe('k1');
    const [opened] = await codec.decode([sealed]);
    expect(defaultPayloadConverter.fromPayload(opened)).toEqual(profile);
  });

  it('when keys rotate, then payloads sealed with the old key still open, new ones use the new key, and a key dropped too early is named', async () => {
    const [oldKey, newKey] = [key(), key()];
    const before = new EncryptionCodec(keyRingFromText(`2026-06=${oldKey}`, 'test'));
    const after = new EncryptionCodec(keyRingFromText(`2026-12=${newKey},2026-06=${oldKey}`, 'test'));
    const [old] = await before.encode([defaultPayloadConverter.toPayload(profile)]);
    expect(defaultPayloadConverter.fromPayload((await after.decode([old]))[0])).toEqual(profile);
    const [fresh] = await after.encode([defaultPayloadConverter.toPayload(profile)]);
    expect(new TextDecoder().decode(fresh.metadata!['encryption-key-id'])).toBe('2026-12');
    const onlyNew = new EncryptionCodec(keyRingFromText(`2026-12=${newKey}`, 'test'));
    await expect(onlyNew.decode([old])).rejects.toThrow("key '2026-06'");
  });

  it('when a sealed payload is altered, then it does not decode', async () => {
    const codec = new EncryptionCodec(keyRingFromText(`k1=${key()}`, 'test'));
    const [sealed] = await codec.encode([defaultPayloadConverter.toPayload(profile)]);
    const data = Buffer.from(sealed.data!);
    data[20] ^= 1;
    await expect(codec.decode([{ ...sealed, data }])).rejects.toThrow();
  });

  it('when a payload was written in clear (before encryption), then it passes through', async () => {
    const codec = new EncryptionCodec(keyRingFromText(`k1=${key()}`, 'test'));
    const clear = defaultPayloadConverter.toPayload(profile);
    expect(defaultPayloadConverter.fromPayload((await codec.decode([clear]))[0])).toEqual(profile);
  });

  it('when the configured keys are malformed, then the configuration names the problem', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (err) {
        return (err as ConfigError).problems;
      }
    };
    expect(problems({ TEMPORAL_PAYLOAD_KEYS: `k1=${randomBytes(16).toString('base64')}` })).toEqual([expect.stringContaining("key 'k1' is 16 bytes; AES-256 needs 32")]);
    expect(problems({ TEMPORAL_PAYLOAD_KEYS: key() })).toEqual([expect.stringContaining('needs an id')]);
    expect(problems({ TEMPORAL_PAYLOAD_KEYS: `a=${key()},a=${key()}` })).toEqual([expect.stringContaining('same id')]);
    expect(problems({ TEMPORAL_PAYLOAD_KEYS: `a=${key()}` })).toEqual([]);
  });
});
