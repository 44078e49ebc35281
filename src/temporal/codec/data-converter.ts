import path from 'node:path';
import type { DataConverter } from '@temporalio/common';
import type { Config } from '../../config/config';
import { EncryptionCodec } from './encryption-codec';
import { keyRingFromFile, keyRingFromText, type KeyRing } from './key-ring';

// By path, as the workflow bundler and the client load it: .ts under tsx and vitest, .js when built.
const failureConverterPath = path.join(__dirname, `failure-converter${path.extname(__filename)}`);

/** The configured key ring, or undefined when no keys are configured (payloads then go in clear). */
export function configuredKeyRing(keys: Config['temporal']['payloadKeys']): KeyRing | undefined {
  if (keys?.file) return keyRingFromFile(keys.file);
  if (keys?.list) return keyRingFromText(keys.list, 'TEMPORAL_PAYLOAD_KEYS');
  return undefined;
}

/** What the client and every worker encode payloads with, failures included (failure-converter.ts). */
export function parleyDataConverter(keys: Config['temporal']['payloadKeys']): DataConverter | undefined {
  const ring = configuredKeyRing(keys);
  if (!ring) return undefined;
  return { payloadCodecs: [new EncryptionCodec(ring)], failureConverterPath: failureConverterPath };
}
